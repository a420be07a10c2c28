import Foundation
import KaderPostgres
import KaderTesting
import Testing

struct PostgresPasswordTests {
    private func write(_ text: String, to path: String, mode: Int) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    @Test func comesFromTheFileNamedElseFromTheSystemdCredentialElseNowhere() throws {
        let folder = TemporaryDirectory()
        let credentials = folder.file("credentials")
        try FileManager.default.createDirectory(atPath: credentials, withIntermediateDirectories: true)
        try write("from-credential\n", to: credentials + "/postgresql-password", mode: 0o400)
        try write("from-file\n", to: folder.file("password"), mode: 0o640)
        let environment = ["CREDENTIALS_DIRECTORY": credentials]

        #expect(try PostgresPassword.read(file: folder.file("password"), environment: environment) == "from-file")
        #expect(try PostgresPassword.read(file: nil, environment: environment) == "from-credential")
        #expect(try PostgresPassword.read(file: nil, environment: [:]) == nil)
    }

    @Test func aFileAnyoneMayReadOrNoFileAtAllIsRefusedByName() throws {
        let folder = TemporaryDirectory()
        try write("rahasia", to: folder.file("open"), mode: 0o644)
        #expect {
            try PostgresPassword.read(file: folder.file("open"), environment: [:])
        } throws: { error in
            "\(error)" == "the PostgreSQL password file \(folder.file("open")) is readable by everyone; make it 0600 or 0640 (chmod o-r)"
        }
        #expect {
            try PostgresPassword.read(file: folder.file("missing"), environment: [:])
        } throws: { error in
            "\(error)" == "cannot read the PostgreSQL password file \(folder.file("missing")): No such file or directory"
        }
        try write("\n", to: folder.file("empty"), mode: 0o600)
        #expect(throws: PostgresLocation.Problem.self) { try PostgresPassword.read(file: folder.file("empty"), environment: [:]) }
    }
}
