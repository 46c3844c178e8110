using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;
using DanVan365.Core.Units;
using DanVan365.Core.Units.Proposal;

namespace DanVan365.Cli.Commands;

/// <summary>What `danvan365 init` prints: the proposal (units by kind, groups, aliases, counts) and what is left to do.</summary>
internal static class InitSummary
{
    /// <summary>What a run of init did.</summary>
    public sealed record Facts(
        DirectoryProposal Proposal,
        RawCatalogue Raw,
        string DecisionPath,
        string OutDir,
        IReadOnlyList<string> Files,
        IReadOnlyList<string> Unresolved,
        string? HolidayFile,
        int Year,
        TimeSpan Elapsed);

    /// <summary>The Vietnamese name of a kind, as printed.</summary>
    public static string KindLabel(UnitKind kind) => kind switch
    {
        UnitKind.Office => "phòng, đơn vị hành chính",
        UnitKind.PublicServiceUnit => "đơn vị sự nghiệp công lập",
        UnitKind.PartyBody => "cơ quan của Đảng",
        UnitKind.FrontOrMassOrganisation => "Mặt trận, đoàn thể",
        UnitKind.ResidentialGroup => "tổ dân phố",
        _ => "cơ quan, tổ chức ngoài Ủy ban",
    };

    public static async Task WriteAsync(TextWriter output, Facts facts)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(facts);
        var p = facts.Proposal;
        var d = facts.Raw.Decision;
        var lines = new List<string>
        {
            $"Đề xuất danh bạ đơn vị của {p.WardName} từ Quyết định số {d.Number} ngày {VietnameseText.PaddedDate(d.Date)} " +
                $"({Path.GetFileName(facts.DecisionPath)}, {facts.Raw.Entries.Count} dòng nhiệm vụ)",
            Invariant($"Đơn vị: {p.Units.Count}; nhóm: {p.Groups.Count}; tên gọi khác: {p.AliasCount}; ") +
                Invariant($"thời gian: {facts.Elapsed.TotalMilliseconds:0} ms"),
        };
        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            var ofKind = p.Units.Where(u => u.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            lines.Add(Invariant($"  {KindLabel(kind)} ({ofKind.Count}):"));
            foreach (var u in ofKind)
            {
                var check = u.KindSure ? string.Empty : " [loại cần kiểm tra]";
                var publisher = u.PublishesDecisions ? " [ban hành quyết định]" : string.Empty;
                var aliases = u.Aliases.Count == 0 ? string.Empty : "; tên khác: " + string.Join(" | ", u.Aliases);
                lines.Add($"    {u.Code,-12} {u.Name}{check}{publisher}{aliases}");
            }
        }

        foreach (var g in p.Groups)
        {
            var aliases = g.Aliases.Count == 0 ? string.Empty : "; tên khác: " + string.Join(" | ", g.Aliases);
            lines.Add($"  nhóm \"{g.Phrase}\" → {string.Join(", ", g.Units)}{aliases}");
        }

        var signer = p.People.FirstOrDefault(x => x.Role == PersonRoles.Signer);
        lines.Add(signer is null ? "  Người ký: không đọc được khối chữ ký" : $"  Người ký: {signer.DisplayName} ({signer.Title})");
        lines.Add("Đã ghi: " + string.Join(", ", facts.Files.Select(f => Path.Combine(facts.OutDir, f))));
        lines.Add("Việc còn phải làm:");
        var todo = ToDo(facts);
        lines.AddRange(todo.Select((t, i) => Invariant($"  {i + 1}. {t}")));
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static List<string> ToDo(Facts facts)
    {
        var p = facts.Proposal;
        var units = Path.Combine(facts.OutDir, InitCommand.UnitsFileName);
        var people = p.Units.Sum(u => (u.Head is null ? 0 : 1) + u.Assignees.Count) + p.People.Select(x => x.Email).Distinct().Count();
        var todo = new List<string>
        {
            Invariant($"Điền địa chỉ thư điện tử và objectId (Entra) của {people} người (địa chỉ tạm dạng …{Placeholders.Domain}, ") +
                $"họ tên \"Cần điền: …\") trong {units}; thêm người phụ trách nếu cần.",
        };
        var toCheck = p.Units.Where(u => !u.KindSure).ToList();
        todo.Add(toCheck.Count == 0
            ? "Xem lại loại của từng đơn vị (phân công hay chỉ đề nghị phụ thuộc vào loại)."
            : $"Kiểm tra loại của {string.Join(", ", toCheck.Select(u => $"{u.Code} ({KindLabel(u.Kind)}?)"))}, rồi xóa \"kindToCheck\".");
        if (p.People.All(x => x.Role != PersonRoles.Chairman || x.DisplayName.StartsWith("Cần điền", StringComparison.Ordinal)))
        {
            todo.Add("Điền họ tên, địa chỉ thư và objectId của Chủ tịch Ủy ban nhân dân trong \"people\".");
        }

        todo.Add(facts.HolidayFile is { } holidays
            ? $"Kiểm tra tệp ngày nghỉ lễ {Path.Combine(facts.OutDir, holidays)} (chép từ tệp có sẵn) cho đúng lịch nghỉ năm {facts.Year}."
            : Invariant($"Chưa có tệp ngày nghỉ lễ năm {facts.Year}: soạn tệp và ghi đường dẫn vào ") +
                "Escalation:HolidayFiles của settings.json.");
        todo.Add("Trang SharePoint và nhóm Microsoft 365 của phường: ghi vào tệp --tenant (M365:SiteUrl, M365:GroupId, " +
            "M365:SenderMailbox).");
        if (facts.Unresolved.Count > 0 || p.Unread.Count > 0 || p.EmptyGroups.Count > 0)
        {
            todo.Add("Thêm vào danh bạ các cụm từ chưa khớp: " + string.Join(" | ",
                facts.Unresolved.Concat(p.Unread).Concat(p.EmptyGroups).Distinct(StringComparer.Ordinal)));
        }

        todo.Add($"Kiểm tra lại: danvan365 doctor --settings {Path.Combine(facts.OutDir, InitCommand.SettingsFileName)}");
        return todo;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
