import KaderRPC

/// kaderd.toml(5) in roff (man(7) macros), made from ConfigKey and the defaults kaderd
/// resolves with no file, so the page names exactly the keys the reader reads.
/// `kaderd --print-config-manual` prints it; `make manuals` keeps it in docs/man.
enum ConfigManual {
    static var page: String {
        let defaults = DaemonSettings.builtInDefaults.configObject
        var lines = [
            #".\" kaderd.toml(5), made by kaderd --print-config-manual from the keys kaderd reads."#,
            #".\" Do not edit: run make manuals."#,
            #".TH KADERD.TOML 5 "" "kaderd" "File Formats""#,
            ".SH NAME",
            #"kaderd.toml \- configuration file of kaderd, the cadre\-development workflow daemon"#,
            ".SH SYNOPSIS",
            ".I \(escaped(DaemonSettings.defaultConfigFile))",
            ".SH DESCRIPTION",
            text(
                "kaderd(8) reads its settings from a TOML file: \(DaemonSettings.defaultConfigFile) when it exists, or the file its option --config names, which must exist. Every key is optional; a key left out has its default. A key kaderd does not know, or a value of the wrong type or out of range, is refused with the file, the line and the key: kaderd does not start (exit status 78), and a reload keeps the running configuration."
            ),
            ".PP",
            text(
                "Settings come from, strongest first: kaderd's options, the environment (KADERD_SOCKET), this file, systemd's RUNTIME_DIRECTORY and STATE_DIRECTORY, and the defaults."
            ),
            ".PP",
            text(
                "systemctl reload kaderd (or SIGHUP, or kaderctl call daemon.reload) reads the file again. A change to a key marked \"applied on reload\" takes effect at once; a change to any other key waits for a restart, and the reload names those keys (needs_restart)."
            ),
            ".SH KEYS",
        ]
        for key in ConfigKey.allCases {
            let defaultValue = key.defaultInWords ?? defaults[key.name].map(toml) ?? "none"
            lines += [
                ".TP",
                ".B \(escaped(key.name))",
                text(key.meaning),
                ".br",
                text("Value: \(describe(key.kind)). Default: \(defaultValue)."),
                ".br",
                key.appliedOnReload ? "Applied on reload." : "A change takes a restart.",
            ]
        }
        lines += [
            ".SH EXAMPLE",
            ".PP",
            ".nf",
            ".RS 4",
            #"log_level = "debug""#,
            #"blackout_dirs = ["/etc/kaderd/blackouts", "/srv/kaderd/blackouts"]"#,
            "max_connections = 4096",
            ".RE",
            ".fi",
            ".SH FILES",
            ".TP",
            ".I \(escaped(DaemonSettings.defaultConfigFile))",
            "The configuration file.",
            ".TP",
            ".I \(escaped(DaemonSettings.defaultConfigFile)).example",
            text("Every key with its default, commented out, as installed."),
            ".SH SEE ALSO",
            #".BR kaderd (8),"#,
            #".BR kaderctl (1),"#,
            #".BR systemctl (1)"#,
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ kind: ConfigKey.Kind) -> String {
        switch kind {
        case .path: "a string, a path"
        case .text: "a string"
        case .group: "a string, a group name"
        case .mode: "a file mode, \"0660\" or 0o660"
        case .choice(let choices): "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
        case .paths: "a list of strings, paths of folders"
        case .integer(let range): "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .seconds(let range): "a number of seconds from \(number(range.lowerBound)) to \(number(range.upperBound))"
        }
    }

    /// A value as it would be written in kaderd.toml.
    private static func toml(_ value: SettingValue) -> String {
        switch value {
        case .text(let text): "\"\(text)\""
        case .number(let value): number(value)
        case .list(let items): "[" + items.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// A line of running text; one starting with a dot or quote would be read as a request.
    private static func text(_ line: String) -> String {
        let body = escaped(line)
        return body.hasPrefix(".") || body.hasPrefix("'") ? "\\&" + body : body
    }

    /// Backslashes and hyphens escaped (a plain '-' may print as a hyphen that does not
    /// paste into a shell), and anything beyond ASCII as a named Unicode character.
    private static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            case _ where !scalar.isASCII: out += "\\[u\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))]"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
