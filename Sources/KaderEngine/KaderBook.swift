import KaderCore

/// The statutory Buku Kader Pemberdayaan Masyarakat of one village (Permendagri 47/2016).
public struct KaderBook: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// No. Urut: the order of registration in the village.
        public var number: Int
        public var cadre: CadreID
        public var name: String
        /// Umur, in the year the book is printed.
        public var age: Int
        /// Jenis Kelamin: L or P.
        public var sex: String
        /// Pendidikan/Kursus.
        public var educationAndCourses: String
        /// Bidang.
        public var field: String
        /// Alamat.
        public var address: String
        /// Keterangan: status and remarks.
        public var remarks: String
    }

    public var year: Int
    public var rows: [Row]

    /// The register's own column headers, in order.
    public static let columns = [
        "No. Urut", "Nama", "Umur", "Jenis Kelamin", "Pendidikan/Kursus", "Bidang", "Alamat", "Keterangan",
    ]
}
