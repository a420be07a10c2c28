import KaderCore
import Testing

/// Loading reference data: what a person updating provinces.csv or wilayah.csv is told.
@Suite struct RegionDataTests {
    static let provinces = """
        code,name,zone,iana
        51,Bali,WITA,Asia/Makassar
        91,Papua,WIT,Asia/Jayapura

        """
    /// CRLF line ends and a blank last line, as spreadsheets write them.
    static let wilayah = [
        "code,name",
        "51,Bali",
        "51.03,Kabupaten Badung",
        "51.03.01,Kuta Selatan",
        #"51.03.01.1001,"Jimbaran, ""Bukit""""#,
        "51.03.01.2002, Ungasan ",
        "91,Papua",
        "91.01,Kabupaten Merauke",
        "",
    ].joined(separator: "\r\n")

    @Test func readsQuotesCRLFAndBlankLines() throws {
        let directory = try RegionDirectory(provincesCSV: Self.provinces, wilayahCSV: Self.wilayah)
        #expect(directory.provinces.map(\.name) == ["Bali", "Papua"])
        #expect(try directory.name(of: RegionCode("51.03.01.1001")) == "Jimbaran, \"Bukit\"")
        #expect(try directory.name(of: RegionCode("51.03.01.2002")) == "Ungasan")
        #expect(try directory.children(of: RegionCode("51.03.01")).count == 2)
        #expect(directory.search("jimbaran bukit", limit: 5).map(\.code.description) == ["51.03.01.1001"])
        #expect(directory.count(at: .village) == 2)
    }

    @Test(arguments: [
        ("code,nama\n", "wilayah.csv line 1: expected the header \"code,name\""),
        ("code,name\n51,Bali\n51.3,Badung\n", "wilayah.csv line 3: \"51.3\" is not a region code: expected a province (51), a regency (51.08), a district (51.08.01) or a village (51.08.01.2001), with or without the dots"),
        ("code,name\n51,Bali\n51.03,Badung,extra\n", "wilayah.csv line 3: expected 2 fields (code,name), found 3"),
        ("code,name\n51,Bali\n51.03,\n", "wilayah.csv line 3: region 51.03 has no name"),
        ("code,name\n51,Bali\n51.03,Badung\n51.03,Badung\n", "wilayah.csv line 4: region 51.03 is listed twice"),
        ("code,name\n51,Bali\n51.03,Badung\n51.01,Jembrana\n", "wilayah.csv line 4: region 51.01 comes after 51.03: codes must be in ascending order"),
        ("code,name\n51,Bali\n51.03.01,Kuta Selatan\n", "wilayah.csv line 3: region 51.03.01 has no parent: 51.03 is not listed before it"),
        ("code,name\n51,Bali\n52,NTB\n", "wilayah.csv line 3: province 52 is not in provinces.csv, so its time zone is unknown"),
        ("code,name\n51,Bali\n51.03,\"Badung\n", "wilayah.csv line 3: a quoted field has no closing quote"),
        ("code,name\n51,Bali\n51.03,\"Badung\"x\n", "wilayah.csv line 3: a quoted field is followed by more text before the next comma"),
        ("code,name\n51,Bali\n", "provinces.csv line 3: province 91 (Papua) has no row in wilayah.csv"),
    ])
    func namesTheBadLineOfWilayah(wilayah: String, message: String) {
        let error = #expect(throws: RegionDataError.self) {
            try RegionDirectory(provincesCSV: Self.provinces, wilayahCSV: wilayah)
        }
        #expect(error?.description == message)
    }

    @Test(arguments: [
        ("code,name,zone\n", "provinces.csv line 1: expected the header \"code,name,zone,iana\""),
        ("code,name,zone,iana\n51,Bali,WITA\n", "provinces.csv line 2: expected 4 fields (code,name,zone,iana), found 3"),
        ("code,name,zone,iana\n51.03,Badung,WITA,Asia/Makassar\n", "provinces.csv line 2: 51.03 is a regency code, not a province code"),
        ("code,name,zone,iana\n51,Bali,CST,Asia/Makassar\n", "provinces.csv line 2: zone \"CST\" is not WIB, WITA or WIT"),
        ("code,name,zone,iana\n51,Bali,WITA,Asia/Denpasar\n", "provinces.csv line 2: \"Asia/Denpasar\" is not a time zone this system knows"),
        ("code,name,zone,iana\n51,Bali,WITA,Asia/Singapore\n", "provinces.csv line 2: Asia/Singapore is not an Indonesian time zone"),
        ("code,name,zone,iana\n51,Bali,WIB,Asia/Makassar\n", "provinces.csv line 2: Asia/Makassar is WITA, not WIB"),
        ("code,name,zone,iana\n51,Bali,WITA,Asia/Makassar\n51,Bali,WITA,Asia/Makassar\n", "provinces.csv line 3: province 51 is listed twice"),
    ])
    func namesTheBadLineOfProvinces(provinces: String, message: String) {
        let error = #expect(throws: RegionDataError.self) {
            try RegionDirectory(provincesCSV: provinces, wilayahCSV: "code,name\n51,Bali\n")
        }
        #expect(error?.description == message)
    }
}
