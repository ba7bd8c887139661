/// The release this build belongs to; reported by `--version`, GetStatus and GetInfo.
public enum MediationVersion {
    public static let string = "0.1.0"
}
