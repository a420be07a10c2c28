// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import KaderRPC

/// `report progress --html`: one page that needs nothing else (no network, no scripts,
/// charts drawn in inline SVG), printable on A4, headed in Indonesian as the offices'
/// own reports are.
enum ProgressPage {
    static func render(_ report: ProgressReportWire, rows: [ProgressRow]) -> String {
        let place = report.region.map { "\(levelName($0.level)) \($0.name) (\($0.code))" } ?? "Indonesia"
        let when = report.asOf.map { "Keadaan pada akhir hari \($0)" } ?? "Keadaan per \(MachineTime.display(report.madeAt))"
        return """
            <!DOCTYPE html>
            <html lang="id">
            <head>
            <meta charset="utf-8">
            <title>Laporan Kemajuan Kaderisasi KPMD — \(escape(place))</title>
            <style>
            @page { size: A4; margin: 14mm; }
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 182mm; }
            h1 { font-size: 15pt; margin: 0 0 2mm; }
            h2 { font-size: 11pt; margin: 6mm 0 2mm; }
            p.meta { margin: 0 0 4mm; color: #333; }
            table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
            th, td { border: 0.3mm solid #999; padding: 1mm 1.5mm; text-align: right; }
            th { background: #e8eef4; text-align: center; }
            td.name { text-align: left; }
            tr.total td { font-weight: bold; background: #f3f3f3; }
            tr { page-break-inside: avoid; }
            svg { display: block; margin: 2mm 0; }
            .legend span { display: inline-block; width: 3mm; height: 3mm; margin: 0 1mm 0 3mm; vertical-align: middle; }
            </style>
            </head>
            <body>
            <h1>Laporan Kemajuan Kaderisasi KPMD</h1>
            <p class="meta">Wilayah: \(escape(place))<br>\(escape(when))</p>
            <h2>Ringkasan per \(escape(levelName(report.rowLevel)))</h2>
            \(table(report, rows: rows))
            <h2>Desa ber-KPMD dan ketepatan waktu</h2>
            <p class="legend"><span style="background:#2f6f9f"></span>desa ber-KPMD<span style="background:#e39b2d"></span>tugas tepat waktu</p>
            \(regionChart(rows))
            <h2>Tugas per bulan: selesai dan terlewat</h2>
            <p class="legend"><span style="background:#3c8d4f"></span>selesai<span style="background:#c0392b"></span>terlewat</p>
            \(monthChart(report.months))
            <p class="meta">Desa: desa dan desa adat (kelurahan tidak memiliki KPMD). Desa ber-KPMD: desa dengan sedikitnya satu kader aktif atau selesai. Terlambat: jendela waktu tugas sudah tutup tanpa catatan. Tepat waktu: tugas yang selesai sebelum jendelanya tutup, dari tugas yang selesai, terlewat atau terlambat.</p>
            </body>
            </html>

            """
    }

    private static func table(_ report: ProgressReportWire, rows: [ProgressRow]) -> String {
        let headers = [
            "Wilayah", "Desa", "Desa ber-KPMD", "%", "Calon", "Aktif", "Selesai", "Nonaktif", "Alur kerja aktif",
            "Tugas selesai", "Tepat waktu", "Terlewat", "Terlambat", "% tepat waktu", "Pendamping",
        ]
        func cells(_ row: ProgressRow, name: String) -> String {
            let values = [
                String(row.villages), String(row.villagesWithKPMD), ProgressTable.percent(row.kpmdRate),
                String(row.cadres["candidate", default: 0]), String(row.cadres["active", default: 0]),
                String(row.cadres["completed", default: 0]), String(row.cadres["inactive", default: 0]),
                String(row.activeWorkflows), String(row.tasksDone), String(row.tasksDoneOnTime), String(row.tasksMissed),
                String(row.tasksOverdue), ProgressTable.percent(row.onTimeRate), String(row.facilitators),
            ]
            return "<td class=\"name\">\(escape(name))</td>" + values.map { "<td>\($0)</td>" }.joined()
        }
        let body = rows.map { "<tr>\(cells($0, name: $0.region.map { "\($0.name) (\($0.code))" } ?? ""))</tr>" }
        return "<table>\n<tr>" + headers.map { "<th>\($0)</th>" }.joined() + "</tr>\n" + body.joined(separator: "\n")
            + "\n<tr class=\"total\">\(cells(report.total, name: "Jumlah"))</tr>\n</table>"
    }

    /// Two bars a region: the share of villages with KPMD, and the on-time rate.
    private static func regionChart(_ rows: [ProgressRow]) -> String {
        let (label, bar, rowHeight) = (190.0, 440.0, 22.0)
        let height = Double(rows.count) * rowHeight + 20
        var parts: [String] = []
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight
            let name = row.region.map(\.name) ?? ""
            parts.append("<text x=\"\(label - 6)\" y=\"\(y + 14)\" text-anchor=\"end\" font-size=\"10\">\(escape(name))</text>")
            for (offset, share, colour) in [(2.0, row.kpmdRate, "#2f6f9f"), (11.0, row.onTimeRate, "#e39b2d")] {
                let width = (share ?? 0) * bar
                parts.append(
                    "<rect x=\"\(label)\" y=\"\(y + offset)\" width=\"\(rounded(width))\" height=\"8\" fill=\"\(colour)\"/>")
                parts.append(
                    "<text x=\"\(rounded(label + width + 4))\" y=\"\(y + offset + 7.5)\" font-size=\"8\">"
                        + "\(ProgressTable.percent(share))</text>")
            }
        }
        parts.append("<line x1=\"\(label)\" y1=\"0\" x2=\"\(label)\" y2=\"\(height - 20)\" stroke=\"#555\"/>")
        return svg(width: label + bar + 40, height: height, parts)
    }

    /// A pair of bars a month, the last 24 months with anything done or missed.
    private static func monthChart(_ months: [ProgressMonth]) -> String {
        let shown = Array(months.suffix(24))
        guard !shown.isEmpty else { return "<p>Belum ada tugas yang selesai atau terlewat.</p>" }
        let (chartHeight, slot, top) = (160.0, 27.0, 12.0)
        let most = Double(shown.map { max($0.done, $0.missed) }.max() ?? 1)
        var parts: [String] = []
        for (index, month) in shown.enumerated() {
            let x = 30 + Double(index) * slot
            for (offset, count, colour) in [(0.0, month.done, "#3c8d4f"), (11.0, month.missed, "#c0392b")] {
                let height = most == 0 ? 0 : Double(count) / most * chartHeight
                parts.append(
                    "<rect x=\"\(x + offset)\" y=\"\(rounded(top + chartHeight - height))\" width=\"10\" "
                        + "height=\"\(rounded(height))\" fill=\"\(colour)\"><title>\(month.month): \(count)</title></rect>")
            }
            parts.append(
                "<text x=\"\(x + 10)\" y=\"\(top + chartHeight + 12)\" text-anchor=\"middle\" font-size=\"7\">"
                    + "\(month.month)</text>")
        }
        parts.append("<text x=\"2\" y=\"\(top + 4)\" font-size=\"8\">\(Int(most))</text>")
        parts.append(
            "<line x1=\"28\" y1=\"\(top + chartHeight)\" x2=\"\(30 + Double(shown.count) * slot)\" "
                + "y2=\"\(top + chartHeight)\" stroke=\"#555\"/>")
        return svg(width: 40 + Double(shown.count) * slot, height: top + chartHeight + 20, parts)
    }

    private static func svg(width: Double, height: Double, _ parts: [String]) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(rounded(width))\" height=\"\(rounded(height))\" "
            + "viewBox=\"0 0 \(rounded(width)) \(rounded(height))\" role=\"img\">\n" + parts.joined(separator: "\n") + "\n</svg>"
    }

    private static func rounded(_ value: Double) -> String {
        "\((value * 10).rounded() / 10)"
    }

    private static func levelName(_ level: String) -> String {
        switch level {
        case "province": "Provinsi"
        case "regency": "Kabupaten/Kota"
        case "district": "Kecamatan"
        case "village": "Desa/Kelurahan"
        default: level
        }
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
