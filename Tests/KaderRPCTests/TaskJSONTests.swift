import Foundation
import KaderRPC
import Testing

/// A task's hand-written JSON is what `JSONWriter` writes for the `Codable` encoding, byte for byte.
@Suite struct TaskJSONTests {
    private func task(
        records: [String: String], updatedAt: Double, facilitator: String? = nil, conflict: String? = nil
    ) -> TaskInfo {
        TaskInfo(
            id: "tsk_a1", workflow: "wf_b2", step: "musdes", kind: "meeting", title: "Musyawarah \"Desa\"\n",
            occurrence: 2, occurrences: 12, village: "51.03.01.1002", villageName: "Kuta", zone: "WITA",
            timeZone: "Asia/Makassar", windowStart: "2027-01-15T09:00:00+08:00", windowEnd: "2027-01-15T12:00:00+08:00",
            state: "done", records: records, updatedAt: Date(timeIntervalSince1970: updatedAt), facilitator: facilitator,
            conflict: conflict)
    }

    @Test func matchesTheEncoder() throws {
        let records: [[String: String]] = [[:], ["note": "ok"], ["zz": "1", "A": "2", "é": "3", "decree_number": "12/2026", "a": "\u{1}"]]
        let attended: [(String?, String?)] = [(nil, nil), ("fac_c3", nil), ("fac_c3", "Komang \"attends\" 1 other"), (nil, "x")]
        for records in records {
            for updatedAt in [1_767_000_000, 1_767_000_000.75, -1.5, 1e12] {
                for (facilitator, conflict) in attended {
                    let info = task(records: records, updatedAt: updatedAt, facilitator: facilitator, conflict: conflict)
                    var written: [UInt8] = []
                    info.write(into: &written)
                    #expect(String(decoding: written, as: UTF8.self) == JSONWriter.string(try JSONValue(encoding: info)))
                }
            }
        }
    }

    @Test func listsMatchTheEncoderWithAndWithoutACursor() throws {
        let tasks = [task(records: [:], updatedAt: 1), task(records: ["b": "1", "a": "2"], updatedAt: 2)]
        for list in [TaskList(tasks: tasks, nextCursor: "t1800000000_tsk_a1"), TaskList(tasks: tasks, nextCursor: nil), TaskList(tasks: [], nextCursor: nil)] {
            #expect(String(decoding: list.encoded.bytes, as: UTF8.self) == JSONWriter.string(try JSONValue(encoding: list)))
        }
    }

    @Test func workflowDetailsMatchTheEncoder() throws {
        let workflow = WorkflowInfo(
            id: "wf_b2", program: "kpmd", programVersion: 1, village: "51.03.01.1002", villageName: "Kuta", zone: "WITA",
            timeZone: "Asia/Makassar", cadres: ["cdr_x"], facilitator: "Bu Made", startDate: "2027-01-15", state: "active",
            createdAt: Date(timeIntervalSince1970: 1_767_000_000))
        let detail = WorkflowDetail(workflow: workflow, tasks: [task(records: [:], updatedAt: 1), task(records: ["a": "b"], updatedAt: 2)])
        #expect(String(decoding: try detail.encoded.bytes, as: UTF8.self) == JSONWriter.string(try JSONValue(encoding: detail)))
    }
}
