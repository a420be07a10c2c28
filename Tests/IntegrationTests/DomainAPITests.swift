import Foundation
import KaderClient
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// Every domain method over the real daemon's socket: what it returns, and what bad input gets.
@Suite struct DomainAPITests {
    /// Munggu (Mengwi, Badung), a desa: no built-in program runs in a kelurahan.
    let bali = "51.03.02.2001"
    let papua = "91.03.01.2004"

    /// Calls a method and returns the error it must fail with.
    private func failure(_ connection: RPCConnection, _ method: String, _ params: JSONValue) throws -> RPCError {
        do {
            let result = try connection.call(method, params: params)
            Issue.record("\(method) should have failed but returned \(result)")
            return RPCError(.internalError, "no error")
        } catch ClientError.remote(let error) {
            return error
        }
    }

    @Test func regionsAndPrograms() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            let connection = try daemon.connect()
            let provinces = try connection.call("region.provinces", as: ProvinceList.self).provinces
            #expect(provinces.count == 38)
            #expect(provinces.first { $0.code == "51" } == ProvinceInfo(code: "51", name: "Bali", zone: "WITA", timeZone: "Asia/Makassar"))
            #expect(provinces.first { $0.code == "91" }?.zone == "WIT")

            let found = try connection.call("region.search", params: ["query": "badung", "level": "regency"], as: RegionList.self)
            #expect(found.regions.first?.code == "51.03")
            #expect(found.regions.first?.within == ["Bali"])
            let byCode = try connection.call("region.search", params: ["query": "51.03.01", "limit": 3], as: RegionList.self)
            #expect(byCode.regions.count == 3)
            #expect(byCode.regions.allSatisfy { $0.code.hasPrefix("51.03.01") })
            let badLevel = try failure(connection, "region.search", ["query": "x", "level": "planet"])
            #expect(badLevel.kind == .invalidParams)
            #expect(badLevel.fields.map(\.field) == ["level"])

            let programs = try connection.call("program.list", as: ProgramList.self)
            #expect(programs.programs.map(\.id) == ["kpm", "kpmd"])
            #expect(programs.refused.isEmpty)
            let kpmd = try connection.call("program.get", params: ["id": "kpmd"], as: ProgramInfo.self)
            #expect(kpmd.steps.map(\.id) == ["identification", "deliberation", "decree", "training", "mentoring", "evaluation"])
            #expect(kpmd.villageKinds == ["desa", "desa_adat"])
            #expect(try failure(connection, "program.get", ["id": "kpmd", "version": 9]).kind == .notFound)
        }
    }

    @Test func cadresRegisterListUpdateAndRefuseBadInput() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            let connection = try daemon.connect()
            let registered = try connection.call(
                "cadre.register",
                params: ["name": "Ni Luh Putu", "sex": "P", "birth_year": 1994, "field": "kesehatan", "village": .string(bali)],
                as: CadreBatch.self
            ).cadres[0]
            #expect(registered.id.hasPrefix("cdr_"))
            #expect(registered.sex == "female")
            #expect(registered.villageName == "Munggu")
            #expect(registered.status == "candidate")

            let unknownVillage = try failure(
                connection, "cadre.register",
                ["name": "Made", "sex": "L", "birth_year": 1990, "field": "ekonomi", "village": "51.03.01.2999"])
            #expect(unknownVillage.kind == .invalid)
            #expect(unknownVillage.code == -32004)
            #expect(unknownVillage.fields == [RPCFieldError(field: "village", message: "no village has the code 51.03.01.2999")])

            let malformed = try failure(
                connection, "cadre.register",
                ["name": "Made", "sex": "X", "birth_year": "1990", "field": "ekonomi", "village": "51.3"])
            #expect(malformed.kind == .invalidParams)
            #expect(malformed.fields.map(\.field) == ["birth_year"], "a wrong JSON type is caught first, by name")

            // A six-year-old: too young to be a cadre, by the daemon's clock.
            let child = JSONValue.number(JSONNumber(TestCalendar.today(in: bali).year - 6))
            let everything = try failure(
                connection, "cadre.register",
                ["name": "X", "sex": "Q", "birth_year": child, "field": "", "village": "51.03.01.2999"])
            #expect(everything.message == "Invalid params: the cadre cannot be registered")
            #expect(everything.fields.map(\.field) == ["sex", "birth_year", "field", "village"], "all at once")

            let badBatch = try failure(
                connection, "cadre.register",
                [
                    "cadres": [
                        ["name": "A", "sex": "L", "birth_year": 1990, "field": "f", "village": .string(bali)],
                        ["name": "B", "sex": "X", "birth_year": 1990, "field": "f", "village": "51.3"],
                    ]
                ])
            #expect(badBatch.fields.map(\.field) == ["cadres[1].sex", "cadres[1].village"])
            // What a registration cannot do without is named, every missing field in one reply.
            let missing = try failure(
                connection, "cadre.register", ["cadres": [["name": "C", "sex": "P"], ["notes": "lupa semua"]]])
            #expect(missing.kind == .invalidParams)
            #expect(
                missing.fields
                    == ["cadres[0].birth_year", "cadres[0].field", "cadres[0].village", "cadres[1].name", "cadres[1].sex",
                        "cadres[1].birth_year", "cadres[1].field", "cadres[1].village"]
                    .map { RPCFieldError(field: $0, message: "is required") })
            let listed = try connection.call("cadre.list", params: ["province": "51"], as: CadreList.self)
            #expect(listed.cadres.map(\.id) == [registered.id], "the refused batch left nothing behind")

            let updated = try connection.call(
                "cadre.update", params: ["id": .string(registered.id), "status": "active", "notes": "Ketua posyandu"],
                as: CadreChange.self
            ).cadre
            #expect(updated.status == "active")
            let detail = try connection.call("cadre.get", params: ["id": .string(registered.id)], as: CadreDetail.self)
            #expect(detail.history.map(\.action) == ["registered", "updated"])
            #expect(detail.history[1].detail["fields"] == "status,notes")
            #expect(detail.history[1].uid == getuid())

            #expect(try failure(connection, "cadre.get", ["id": "cdr_nothere"]).kind == .notFound)
            let wrongKind = try failure(connection, "cadre.get", ["id": "wf_abc"])
            #expect(wrongKind.fields == [RPCFieldError(field: "id", message: "'wf_abc' is not a cadre id (cadre ids look like cdr_…)")])
            #expect(try failure(connection, "cadre.list", ["province": "51.03"]).fields.map(\.field) == ["province"])
            #expect(try failure(connection, "cadre.list", ["cursor": "nonsense"]).fields.map(\.field) == ["cursor"])
        }
    }

    @Test func workflowsAndTasksFollowTheirRules() async throws {
        // A start in Bali and in Papua on the same day, which no holiday moves in either.
        let start = TestCalendar.freeDay(atLeast: 2, in: bali, papua)
        // A month well inside the six monthly mentoring visits, which follow about three
        // months after the start.
        let visitMonth = start.adding(days: 1 - start.day).adding(months: 5)
        // Past the sixth visit, which opens about eight months after the start.
        let later = TestCalendar.freeDay(atLeast: 300, in: bali)
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            let connection = try daemon.connect()
            func register(_ name: String, _ village: String) throws -> String {
                try connection.call(
                    "cadre.register",
                    params: ["name": .string(name), "sex": "L", "birth_year": 1990, "field": "ekonomi", "village": .string(village)],
                    as: CadreBatch.self
                ).cadres[0].id
            }
            let wayan = try register("Wayan", bali)
            let yohanes = try register("Yohanes", papua)
            let yesterday = TestCalendar.today(in: papua).adding(days: -1)
            let past = try failure(connection, "workflow.start", ["cadre": .string(yohanes), "start_date": .string("\(yesterday)")])
            #expect(past.kind == .invalid)
            #expect(past.fields.first?.field == "start_date")
            #expect(past.fields.first?.message.hasPrefix("\(yesterday) has passed; it is ") == true)
            let baliRun = try connection.call(
                "workflow.start", params: ["cadre": .string(wayan), "start_date": .string("\(start)"), "facilitator": "Komang Ardana"],
                as: WorkflowDetail.self)
            #expect(baliRun.workflow.facilitator == "Komang Ardana")
            let papuaRun = try connection.call(
                "workflow.start", params: ["cadres": [.string(yohanes)], "start_date": .string("\(start)")], as: WorkflowDetail.self)
            #expect(baliRun.workflow.zone == "WITA")
            #expect(papuaRun.workflow.zone == "WIT")
            #expect(baliRun.tasks[0].windowStart == "\(start)T09:00:00+08:00")
            #expect(papuaRun.tasks[0].windowStart == "\(start)T09:00:00+09:00")

            let badDate = try failure(connection, "workflow.start", ["cadre": .string(wayan), "start_date": "04/03/2030"])
            #expect(badDate.fields.map(\.field) == ["start_date"])
            let twice = try failure(connection, "workflow.start", ["cadre": .string(wayan), "start_date": .string("\(start)")])
            #expect(twice.kind == .conflict)

            // A month's tasks of Bali, in Bali's time; the range is Bali's calendar.
            let month = try connection.call(
                "task.list",
                params: ["province": "51", "from": .string("\(visitMonth)"), "to": .string("\(visitMonth.adding(months: 1).adding(days: -1))")],
                as: TaskList.self)
            #expect(month.tasks.isEmpty == false)
            #expect(month.tasks.allSatisfy { $0.zone == "WITA" && $0.windowStart.hasSuffix("+08:00") && $0.village == bali })

            // The training waits for the steps before it; the SK is dated today in Bali.
            for step in ["identification", "deliberation", "decree"] {
                let task = try #require(baliRun.tasks.first { $0.step == step })
                let records: JSONValue =
                    step == "decree" ? ["decree_number": "141/1", "decree_date": .string("\(TestCalendar.today(in: bali))")] : [:]
                _ = try connection.call("task.complete", params: ["id": .string(task.id), "records": records])
            }
            let training = try #require(baliRun.tasks.first { $0.kind == "training" })
            let started = try connection.call("task.start", params: ["id": .string(training.id)], as: TaskChange.self).task
            #expect(started.state == "in_progress")
            let done = try connection.call(
                "task.complete", params: ["id": .string(training.id), "note": "28 peserta"], as: TaskChange.self
            ).task
            #expect(done.state == "done")
            #expect(done.records["note"] == "28 peserta")

            // The last visit, moved later: a visit keeps its place among the others.
            let visit = try #require(baliRun.tasks.last { $0.kind == "mentoring_visit" })
            let moved = try connection.call(
                "task.reschedule", params: ["id": .string(visit.id), "start": .string("\(later)")], as: TaskChange.self
            ).task
            #expect(moved.windowStart == "\(later)T09:00:00+08:00")

            let cancelled = try connection.call(
                "task.cancel", params: ["id": .string(visit.id), "reason": "banjir"], as: TaskChange.self
            ).task
            #expect(cancelled.state == "cancelled")
            let conflict = try failure(connection, "task.complete", ["id": .string(visit.id)])
            #expect(conflict.kind == .conflict)
            #expect(conflict.message == "Task \(visit.id) is cancelled; a cancelled task cannot be completed")
            let unchanged = try connection.call("task.get", params: ["id": .string(visit.id)], as: TaskDetail.self)
            #expect(unchanged.task.state == "cancelled")
            #expect(unchanged.history.map(\.action) == ["planned", "rescheduled", "moved"])

            let listed = try connection.call("workflow.list", params: ["state": "active"], as: WorkflowList.self)
            #expect(Set(listed.workflows.map(\.id)) == [baliRun.workflow.id, papuaRun.workflow.id])
            let stopped = try connection.call("workflow.cancel", params: ["id": .string(papuaRun.workflow.id)], as: WorkflowDetail.self)
            #expect(stopped.workflow.state == "cancelled")
            #expect(stopped.tasks.allSatisfy { $0.state == "cancelled" })
            let fetched = try connection.call("workflow.get", params: ["id": .string(papuaRun.workflow.id)], as: WorkflowDetail.self)
            #expect(fetched.workflow.state == "cancelled")
            #expect(fetched.workflow.facilitator == "")
            let again = try connection.call("workflow.get", params: ["id": .string(baliRun.workflow.id)], as: WorkflowDetail.self)
            #expect(again.workflow.facilitator == "Komang Ardana")
        }
    }

    @Test func printsTheBukuKader() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            let connection = try daemon.connect()
            _ = try connection.call(
                "cadre.register",
                params: [
                    "cadres": [
                        ["name": "Ni Luh", "sex": "P", "birth_year": 1994, "field": "kesehatan", "village": .string(bali),
                         "education": "SMA", "courses": ["Kader posyandu"], "address": "Banjar Tegal"],
                        ["name": "I Made", "sex": "L", "birth_year": 1988, "field": "ekonomi", "village": .string(bali)],
                    ]
                ])
            let book = try connection.call("report.kader_book", params: ["village": .string(bali)], as: KaderBookReport.self)
            #expect(book.village.name == "Munggu")
            #expect(book.village.within == ["Bali", "Kabupaten Badung", "Mengwi"])
            #expect(book.columns == ["No. Urut", "Nama", "Umur", "Jenis Kelamin", "Pendidikan/Kursus", "Bidang", "Alamat", "Keterangan"])
            #expect(book.rows.map(\.cells[0]) == ["1", "2"])
            #expect(book.rows[0].cells[1...] == ["Ni Luh", String(book.year - 1994), "P", "SMA; Kader posyandu", "kesehatan", "Banjar Tegal", "Calon KPMD"])
            #expect(try failure(connection, "report.kader_book", ["village": "51.03"]).fields.map(\.field) == ["village"])
        }
    }
}
