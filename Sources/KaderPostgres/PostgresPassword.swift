import Foundation

/// Where the password for a PostgreSQL store comes from: never the config or the URL, which
/// are readable by more people than the password should be and end up in logs. A local
/// server on its Unix socket usually needs none (peer authentication).
public enum PostgresPassword {
    /// The systemd credential a unit passes with `LoadCredential=postgresql-password:FILE`.
    public static let credentialName = "postgresql-password"

    /// The password in `file` (`postgresql_password_file`), else in the systemd credential
    /// `postgresql-password`, else none. A file anyone may read is refused, as libpq refuses
    /// such a `.pgpass`; one trailing newline is not part of the password.
    public static func read(file: String?, environment: [String: String]) throws(PostgresLocation.Problem) -> String? {
        let path: String
        if let file {
            path = file
        } else if let credentials = environment["CREDENTIALS_DIRECTORY"],
            FileManager.default.fileExists(atPath: credentials + "/" + credentialName)
        {
            path = credentials + "/" + credentialName
        } else {
            return nil
        }
        var status = stat()
        guard stat(path, &status) == 0, let data = FileManager.default.contents(atPath: path) else {
            throw PostgresLocation.Problem("cannot read the PostgreSQL password file \(path): \(String(cString: strerror(errno)))")
        }
        if status.st_mode & 0o004 != 0 {
            throw PostgresLocation.Problem(
                "the PostgreSQL password file \(path) is readable by everyone; make it 0600 or 0640 (chmod o-r)")
        }
        var password = String(decoding: data, as: UTF8.self)
        if password.hasSuffix("\n") { password.removeLast() }
        guard !password.isEmpty else { throw PostgresLocation.Problem("the PostgreSQL password file \(path) is empty") }
        return password
    }
}
