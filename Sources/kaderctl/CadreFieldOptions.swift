import ArgumentParser
import KaderRPC

/// A cadre's fields as options: all needed to register, any subset to update.
struct CadreFieldOptions: ParsableArguments {
    @Option(help: "Nama: the cadre's full name.")
    var name: String?

    @Option(help: "Jenis kelamin: L or P (also laki-laki/perempuan, M/F, male/female).")
    var sex: String?

    @Option(help: "Year of birth, e.g. 1994.")
    var birthYear: Int?

    @Option(help: "Bidang: the field the cadre works in, e.g. kesehatan, ekonomi, pendidikan.")
    var field: String?

    @Option(help: ArgumentHelp("The village's code, 10 digits, e.g. 51.03.01.2001 (find it with `kaderctl region search`).", valueName: "CODE"))
    var village: String?

    @Option(help: "Pendidikan: highest schooling, e.g. SMA, D3, S1.")
    var education: String?

    @Option(name: .customLong("course"), help: "Kursus: a training attended; repeat for each.")
    var courses: [String] = []

    @Option(help: "Alamat within the village, e.g. Banjar Kaja.")
    var address: String?

    @Option(help: "candidate (the default for a new cadre), active, completed or inactive.")
    var status: String?

    @Option(help: "Keterangan: remarks for the register.")
    var notes: String?

    /// The options a registration cannot do without, as they are spelled on the command line.
    var missingForRegistration: [String] {
        [("--name", name == nil), ("--sex", sex == nil), ("--birth-year", birthYear == nil), ("--field", field == nil),
         ("--village", village == nil)].filter(\.1).map(\.0)
    }

    /// The fields given, as the API takes them for a registration (once
    /// `missingForRegistration` came back empty) or an update.
    var fields: CadreFields {
        var fields = CadreFields()
        fields.name = name
        fields.sex = sex
        fields.birthYear = birthYear
        fields.education = education
        fields.courses = courses.isEmpty ? nil : courses
        fields.field = field
        fields.village = village
        fields.address = address
        fields.status = status
        fields.notes = notes
        return fields
    }
}
