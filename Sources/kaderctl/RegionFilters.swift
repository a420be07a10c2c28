import ArgumentParser

/// The region filters every list takes; the daemon checks each code is of its level.
struct RegionFilters: ParsableArguments {
    @Option(help: ArgumentHelp("Only within this province.", valueName: "CODE"))
    var province: String?

    @Option(help: ArgumentHelp("Only within this regency (kabupaten/kota), e.g. 51.03.", valueName: "CODE"))
    var regency: String?

    @Option(help: ArgumentHelp("Only within this district (kecamatan), e.g. 51.03.01.", valueName: "CODE"))
    var district: String?

    @Option(help: ArgumentHelp("Only in this village (desa/kelurahan), e.g. 51.03.01.2001.", valueName: "CODE"))
    var village: String?
}
