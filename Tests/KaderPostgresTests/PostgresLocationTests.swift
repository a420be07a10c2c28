import KaderPostgres
import Testing

struct PostgresLocationTests {
    @Test func aLocalServerNeedsOnlyTheDatabasesName() throws {
        let location = try PostgresLocation(url: "postgresql:///kaderd", defaultUser: "kaderd")
        #expect(location.endpoint == .socketFolder("/run/postgresql"))
        #expect(location.socketPath == "/run/postgresql/.s.PGSQL.5432")
        #expect(location.user == "kaderd" && location.database == "kaderd" && location.port == 5432)
    }

    @Test func readsTheSocketFolderUserAndPortAsLibpqDoes() throws {
        let location = try PostgresLocation(
            url: "postgresql:///kader_bali?host=/var/run/pg&port=5433&user=province", defaultUser: "kaderd")
        #expect(location.endpoint == .socketFolder("/var/run/pg"))
        #expect(location.socketPath == "/var/run/pg/.s.PGSQL.5433")
        #expect(location.user == "province" && location.database == "kader_bali")
        #expect(location.description == "postgresql://province@/kader_bali?host=/var/run/pg&port=5433")
    }

    @Test func aRemoteServerByHostAndPort() throws {
        let location = try PostgresLocation(url: "postgres://kaderd@db.kemendesa.go.id:6432/nasional", defaultUser: "x")
        #expect(location.endpoint == .host("db.kemendesa.go.id"))
        #expect(location.socketPath == nil)
        #expect(location.port == 6432 && location.user == "kaderd" && location.database == "nasional")
        #expect(location.description == "postgresql://kaderd@db.kemendesa.go.id:6432/nasional")
    }

    @Test func aPasswordInTheURLIsRefusedWithWhereItBelongs() {
        #expect {
            try PostgresLocation(url: "postgresql://kaderd:rahasia@db/kaderd", defaultUser: "kaderd")
        } throws: { error in
            let text = "\(error)"
            return text.contains("postgresql_password_file") && text.contains("credential") && !text.contains("rahasia")
        }
    }

    @Test func namesWhatIsWrongWithAURL() {
        #expect(throws: PostgresLocation.Problem.self) { try PostgresLocation(url: "mysql://db/kaderd", defaultUser: "k") }
        #expect {
            try PostgresLocation(url: "postgresql:///kaderd?sslmode=require", defaultUser: "k")
        } throws: { "\($0)".contains("'sslmode' is not one kaderd reads") }
        #expect {
            try PostgresLocation(url: "postgresql://db:99999/kaderd", defaultUser: "k")
        } throws: { "\($0)".contains("port") }
    }
}
