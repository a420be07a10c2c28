import KaderCore
import KaderEngine
import KaderRPC
import KaderServer

extension DomainMethods {
    var reportMethods: [RPCMethod] {
        [
            method(.reportKaderBook) { (input: VillageInput, _) in
                let village = input.village
                let book = try await service.kaderBook(village: village)
                let region = directory.region(village) ?? Region(code: village, name: "")
                return KaderBookReport(
                    village: wire.region(region), year: book.year, columns: KaderBook.columns,
                    rows: book.rows.map { row in
                        KaderBookRow(
                            noUrut: row.number, nama: row.name, umur: row.age, jenisKelamin: row.sex,
                            pendidikanKursus: row.educationAndCourses, bidang: row.field, alamat: row.address,
                            keterangan: row.remarks, cadre: row.cadre.rawValue)
                    })
            },
            method(.reportProgress) { (input: ProgressInput, _) in
                let report = try await service.progressReport(of: input.region, asOf: input.asOf)
                return wire.progress(report, asOf: input.asOf)
            },
        ]
    }
}
