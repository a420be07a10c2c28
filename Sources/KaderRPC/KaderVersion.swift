/// The release both programs report; they are always built and shipped together.
public enum KaderVersion {
    public static let current = "0.1.0"
}
