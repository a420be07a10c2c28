import Foundation

/// The checkout this test build comes from, for tests that run `make` or read `systemd/`.
public enum PackageRoot {
    public static var path: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }
}
