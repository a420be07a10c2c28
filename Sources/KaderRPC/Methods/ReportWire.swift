/// One row of the Buku Kader Pemberdayaan Masyarakat, under its statutory headers.
public struct KaderBookRow: Codable, Sendable, Hashable {
    public var noUrut: Int
    public var nama: String
    public var umur: Int
    public var jenisKelamin: String
    public var pendidikanKursus: String
    public var bidang: String
    public var alamat: String
    public var keterangan: String
    public var cadre: String

    public init(
        noUrut: Int, nama: String, umur: Int, jenisKelamin: String, pendidikanKursus: String, bidang: String,
        alamat: String, keterangan: String, cadre: String
    ) {
        self.noUrut = noUrut
        self.nama = nama
        self.umur = umur
        self.jenisKelamin = jenisKelamin
        self.pendidikanKursus = pendidikanKursus
        self.bidang = bidang
        self.alamat = alamat
        self.keterangan = keterangan
        self.cadre = cadre
    }

    /// The register's columns in order, as printed.
    public var cells: [String] {
        [String(noUrut), nama, String(umur), jenisKelamin, pendidikanKursus, bidang, alamat, keterangan]
    }

    enum CodingKeys: String, CodingKey {
        case nama, umur, bidang, alamat, keterangan, cadre
        case noUrut = "no_urut"
        case jenisKelamin = "jenis_kelamin"
        case pendidikanKursus = "pendidikan_kursus"
    }
}

public struct KaderBookReport: Codable, Sendable, Hashable {
    public var village: RegionInfo
    public var year: Int
    /// The statutory headers: No. Urut, Nama, Umur, Jenis Kelamin, Pendidikan/Kursus, Bidang, Alamat, Keterangan.
    public var columns: [String]
    public var rows: [KaderBookRow]

    public init(village: RegionInfo, year: Int, columns: [String], rows: [KaderBookRow]) {
        self.village = village
        self.year = year
        self.columns = columns
        self.rows = rows
    }
}

public struct VillageParams: Codable, Sendable, Hashable {
    public var village: String
    public init(village: String) { self.village = village }
}
