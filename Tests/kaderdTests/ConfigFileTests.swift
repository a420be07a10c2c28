import Testing

@testable import kaderd

@Suite struct ConfigFileTests {
    @Test func readsEveryKey() throws {
        let file = try ConfigFile.parse(
            """
            # kaderd.toml
            socket = "/run/k/k.sock"
            state_dir = "/srv/kaderd"
            log_level = "debug"
            durability = "normal"
            program_dirs = ["/etc/kaderd/programs", "/srv/programs"]
            blackout_dirs = ["/etc/kaderd/blackouts", "/srv/blackouts"]
            """, file: "kaderd.toml")
        #expect(
            file
                == ConfigFile(
                    socket: "/run/k/k.sock", stateDir: "/srv/kaderd", logLevel: .debug, durability: .normal,
                    programDirs: ["/etc/kaderd/programs", "/srv/programs"],
                    blackoutDirs: ["/etc/kaderd/blackouts", "/srv/blackouts"]))
        #expect(try ConfigFile.parse("", file: "empty.toml") == ConfigFile())
    }

    @Test func readsThePostgreSQLStoreAndRefusesAPasswordOrAStrayKey() throws {
        let file = try ConfigFile.parse(
            """
            store = "postgresql"
            postgresql = "postgresql://kaderd@db.example.id:6432/kaderd_bali"
            postgresql_password_file = "/etc/kaderd/pg-password"
            """, file: "kaderd.toml")
        #expect(file.store == .postgresql)
        #expect(file.postgresql?.description == "postgresql://kaderd@db.example.id:6432/kaderd_bali")
        #expect(file.postgresqlPasswordFile == "/etc/kaderd/pg-password")
        #expect(try ConfigFile.parse("store = \"postgresql\"", file: "k.toml").postgresql == nil, "the default is kept")
        #expect(StoreBackend.defaultPostgresql.description.hasPrefix("postgresql://"))
        #expect(StoreBackend.defaultPostgresql.socketPath == "/run/postgresql/.s.PGSQL.5432")

        let withPassword = #expect(throws: ConfigFile.Problem.self) {
            try ConfigFile.parse("store = \"postgresql\"\npostgresql = \"postgresql://k:secret@db/k\"", file: "k.toml")
        }
        #expect(withPassword?.line == 2)
        #expect(withPassword?.message.contains("holds a password") == true)
        #expect(withPassword?.description.contains("secret") == false, "the password is never repeated")

        #expect(throws: ConfigFile.Problem(
            file: "k.toml", line: 1,
            message: "'postgresql' is set, but the store is SQLite: add store = \"postgresql\" to use it, or remove it")
        ) {
            try ConfigFile.parse("postgresql = \"postgresql:///kaderd\"", file: "k.toml")
        }
        #expect(throws: ConfigFile.Problem.self) { try ConfigFile.parse("store = \"mysql\"", file: "k.toml") }
    }

    @Test func readsTheNodeNameOfAPostgreSQLStoreAndRefusesABadOne() throws {
        #expect(try ConfigFile.parse("store = \"postgresql\"\nnode_name = \"bali-2.kaderd\"", file: "k.toml").nodeName == "bali-2.kaderd")
        #expect(throws: ConfigFile.Problem(
            file: "k.toml", line: 2,
            message: "'node_name' must be 1 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit, not 'bali 2'")
        ) {
            try ConfigFile.parse("store = \"postgresql\"\nnode_name = \"bali 2\"", file: "k.toml")
        }
        #expect(throws: ConfigFile.Problem.self) { try ConfigFile.parse("store = \"postgresql\"\nnode_name = \"\"", file: "k.toml") }
        #expect(throws: ConfigFile.Problem.self) {
            try ConfigFile.parse("store = \"postgresql\"\nnode_name = \"\(String(repeating: "a", count: 64))\"", file: "k.toml")
        }
        #expect(throws: ConfigFile.Problem(
            file: "k.toml", line: 1,
            message: "'node_name' is set, but the store is SQLite: add store = \"postgresql\" to use it, or remove it")
        ) {
            try ConfigFile.parse("node_name = \"bali-2\"", file: "k.toml")
        }
        #expect(StoreBackend.isNodeName(StoreBackend.defaultNodeName))
    }

    @Test func namesTheFileLineAndKeyOfAnUnknownKey() {
        #expect(throws: ConfigFile.Problem(
            file: "kaderd.toml", line: 3,
            message: "unknown key 'sockt' (known keys: \(ConfigFile.knownKeys.joined(separator: ", ")))")
        ) {
            try ConfigFile.parse("# comment\nstate_dir = \"/x\"\nsockt = \"/y\"\n", file: "kaderd.toml")
        }
    }

    @Test func readsTheAccessAndLimitKeys() throws {
        let file = try ConfigFile.parse(
            """
            admin_group = "dinas-pmd"
            read_group = "pendamping"
            max_line_bytes = 65536
            max_nesting_depth = 32
            max_connections = 200
            max_pipelined_requests = 8
            idle_timeout_seconds = 60
            max_subscribers = 10
            """, file: "kaderd.toml")
        #expect(file.adminGroup == "dinas-pmd" && file.readGroup == "pendamping")
        #expect(file.maxLineBytes == 65536 && file.maxNestingDepth == 32 && file.maxConnections == 200)
        #expect(file.maxPipelinedRequests == 8 && file.idleTimeoutSeconds == 60 && file.maxSubscribers == 10)
    }

    @Test func readsThePluginLimitsAndRefusesOnesAHelperCannotRunUnder() throws {
        let file = try ConfigFile.parse("plugin_timeout_seconds = 0.5\nplugin_memory_limit_mib = 2048\n", file: "k.toml")
        #expect(file.pluginTimeoutSeconds == 0.5 && file.pluginMemoryLimitMiB == 2048)
        #expect(try ConfigFile.parse("plugin_timeout_seconds = 30\nplugin_memory_limit_mib = 0\n", file: "k.toml").pluginTimeoutSeconds == 30)
        #expect(throws: ConfigFile.Problem(
            file: "k.toml", line: 1, message: "'plugin_timeout_seconds' must be a number of seconds from 0.1 to 300.0")
        ) {
            try ConfigFile.parse("plugin_timeout_seconds = 0\n", file: "k.toml")
        }
        #expect(throws: ConfigFile.Problem(
            file: "k.toml", line: 2,
            message: "'plugin_memory_limit_mib' must be 0 (no limit) or at least 512: a helper maps about 240 MiB before the plugin runs")
        ) {
            try ConfigFile.parse("log_level = \"info\"\nplugin_memory_limit_mib = 100\n", file: "k.toml")
        }
    }

    @Test func namesTheLineAndKeyOfALimitOutOfRangeOrABadGroup() {
        #expect(throws: ConfigFile.Problem(
            file: "k.toml", line: 2, message: "'max_connections' must be a whole number from 1 to 65536")
        ) {
            try ConfigFile.parse("max_subscribers = 3\nmax_connections = 0\n", file: "k.toml")
        }
        #expect(throws: ConfigFile.Problem(
            file: "k.toml", line: 1, message: "'idle_timeout_seconds' must be a whole number from 1 to 86400")
        ) {
            try ConfigFile.parse("idle_timeout_seconds = \"5m\"\n", file: "k.toml")
        }
        #expect(throws: ConfigFile.Problem(file: "k.toml", line: 3, message: "'admin_group' must be a group name, not 'a b'")) {
            try ConfigFile.parse("\n\nadmin_group = \"a b\"\n", file: "k.toml")
        }
    }

    @Test func namesTheLineOfAWrongType() {
        #expect(throws: ConfigFile.Problem(file: "k.toml", line: 2, message: "'socket' must be a string")) {
            try ConfigFile.parse("log_level = \"info\"\nsocket = 5\n", file: "k.toml")
        }
    }

    @Test func namesTheLineOfBrokenTOML() throws {
        let problem = #expect(throws: ConfigFile.Problem.self) {
            try ConfigFile.parse("socket = \"/a\"\nstate_dir = \n", file: "k.toml")
        }
        #expect(problem?.line == 2)
        #expect(problem?.description.hasPrefix("k.toml:2: not valid TOML") == true)
    }

    @Test func namesTheLineOfAValueOutOfItsChoices() {
        #expect(throws: ConfigFile.Problem(file: "k.toml", line: 3, message: "'durability' must be one of full, normal, not 'paranoid'")) {
            try ConfigFile.parse("socket = \"/a\"\n\ndurability = \"paranoid\"\n", file: "k.toml")
        }
        #expect(throws: ConfigFile.Problem(file: "k.toml", line: 1, message: "'program_dirs' must be a list of strings")) {
            try ConfigFile.parse("program_dirs = \"/a\"\n", file: "k.toml")
        }
    }

    @Test func saysWhyAFileCannotBeRead() {
        let problem = #expect(throws: ConfigFile.Problem.self) {
            try ConfigFile.load(path: "/nonexistent/kaderd.toml")
        }
        #expect(problem?.description == "/nonexistent/kaderd.toml: cannot read the file: No such file or directory")
    }
}

@Suite struct DaemonSettingsTests {
    let none = DaemonSettings.CommandLine()

    @Test func defaultsToTheServicePaths() throws {
        let settings = try DaemonSettings.resolve(commandLine: none, environment: [:], file: nil, filePath: "k.toml")
        #expect(settings.socket == "/run/kaderd/kaderd.sock")
        #expect(settings.stateDir == "/var/lib/kaderd")
        #expect(settings.logLevel == .info)
        #expect(settings.configFile == nil)
        #expect(settings.blackoutDirs == ["/etc/kaderd/blackouts"])
    }

    @Test func takesSystemdFoldersOverTheBuiltInDefaults() throws {
        let settings = try DaemonSettings.resolve(
            commandLine: none, environment: ["RUNTIME_DIRECTORY": "/run/kaderd2", "STATE_DIRECTORY": "/var/lib/k2:/var/lib/k3"],
            file: nil, filePath: "k.toml")
        #expect(settings.socket == "/run/kaderd2/kaderd.sock")
        #expect(settings.stateDir == "/var/lib/k2")
    }

    @Test func ranksCommandLineThenEnvironmentThenFile() throws {
        let file = ConfigFile(socket: "/file.sock", stateDir: "/file-state", logLevel: .warning)
        let environment = ["KADERD_SOCKET": "/env.sock", "STATE_DIRECTORY": "/env-state"]
        let fromFile = try DaemonSettings.resolve(commandLine: none, environment: environment, file: file, filePath: "k.toml")
        #expect(fromFile.socket == "/env.sock")
        #expect(fromFile.stateDir == "/file-state", "an explicit setting in the file beats the unit's default")
        #expect(fromFile.logLevel == .warning)
        #expect(fromFile.configFile == "k.toml")

        let cli = DaemonSettings.CommandLine(socket: "/cli.sock", stateDir: "/cli-state", logLevel: "ERROR")
        let fromCLI = try DaemonSettings.resolve(commandLine: cli, environment: environment, file: file, filePath: "k.toml")
        #expect(fromCLI.socket == "/cli.sock")
        #expect(fromCLI.stateDir == "/cli-state")
        #expect(fromCLI.logLevel == .error)
    }

    @Test func refusesAnUnknownLogLevel() {
        let problem = #expect(throws: ConfigFile.Problem.self) {
            try DaemonSettings.resolve(
                commandLine: .init(logLevel: "loud"), environment: [:], file: nil, filePath: "k.toml")
        }
        #expect(problem?.description.hasPrefix("command line: --log-level 'loud' is not one of trace, debug") == true)
        #expect(throws: ConfigFile.Problem.self) { try ConfigFile.parse("log_level = \"loud\"", file: "k.toml") }
    }
}
