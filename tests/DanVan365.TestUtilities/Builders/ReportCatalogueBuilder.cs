using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.Core.Units;

namespace DanVan365.TestUtilities.Builders;

/// <summary>Builds small catalogues, unit directories and submissions for the reporting tests (no importer needed).</summary>
public sealed class ReportCatalogueBuilder
{
    /// <summary>"Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc", expanded.</summary>
    public static readonly string[] AllOffices = ["VP", "VHXH", "KTHTDT", "TTDVSNC"];

    public const string OfficesPhrase = "Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc";

    private readonly List<Section> _sections = [];
    private readonly List<CatalogueTask> _tasks = [];
    private Decision _decision = HaiAnDecision();

    public static Decision HaiAnDecision() => new(
        "673/QĐ-UBND",
        new DateOnly(2026, 2, 12),
        "Ủy ban nhân dân phường Hải An",
        "Bùi Quang Ngân",
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "VHXH",
        [
            new ReportingRound(1, new DateOnly(2026, 9, 14), "trước ngày 15/9/2026"),
            new ReportingRound(2, new DateOnly(2026, 11, 19), "trước ngày 20/11/2026"),
        ])
    {
        Recipients = HaiAnRecipients,
    };

    /// <summary>The "Nơi nhận" of QĐ 673 as the importer reads it.</summary>
    public static IReadOnlyList<string> HaiAnRecipients { get; } =
    [
        "Như Điều 3", "TTĐU, TT HĐND phường", "CT, các PCT UBND phường", "UBMTTQ VN phường", "Các phòng, đơn vị trực thuộc",
        "Đơn vị sự nghiệp công lập trực thuộc", "Cổng thông tin điện tử phường", "Lưu: VT, VHXH",
    ];

    public static TimeFrame Ongoing => new("Thường xuyên", TimeFrameKind.Ongoing, null);

    public static TimeFrame Before(int day, int month, int year = 2026) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Hoàn thành trước {day}/{month}/{year}"), TimeFrameKind.Before, new DateOnly(year,
            month, day).AddDays(-1));

    public static TimeFrame Quarter(int quarter, int year = 2026) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Quý {new[] { "I", "II", "III", "IV" }[quarter - 1]}/{year}"),
            TimeFrameKind.Quarter, new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1));

    public static TimeFrame YearOnward(int year = 2026) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Năm {year} và các năm tiếp theo"), TimeFrameKind.YearOnward, new DateOnly(year,
            12, 31));

    public ReportCatalogueBuilder WithDecision(Decision decision)
    {
        _decision = decision;
        return this;
    }

    public ReportCatalogueBuilder Section(string code, string title)
    {
        _sections.Add(new Section(code, title));
        return this;
    }

    /// <summary>A work item in the last section; <paramref name="parent"/> for sub-items such as 3.5.a.</summary>
    public ReportCatalogueBuilder Task(string code, string title, string[] lead, string[] coordinating, TimeFrame timeFrame,
        string? parent = null, string? leadText = null, string? coordinatingText = null)
    {
        _tasks.Add(new CatalogueTask(
            code,
            _sections[^1].Code,
            parent,
            title,
            new UnitReference(leadText ?? string.Join("; ", lead), lead),
            coordinating.Length == 0 ? UnitReference.Empty : new UnitReference(coordinatingText ?? string.Join("; ", coordinating),
                coordinating),
            timeFrame,
            []));
        return this;
    }

    /// <summary>A heading such as 3.5 (no units, no time frame).</summary>
    public ReportCatalogueBuilder Heading(string code, string title)
    {
        _tasks.Add(new CatalogueTask(code, _sections[^1].Code, null, title, UnitReference.Empty, UnitReference.Empty, null, []));
        return this;
    }

    public TaskCatalogue Build() => new(_decision, _sections.ToList(), _tasks.ToList(), []);

    /// <summary>Phường Hải An's units used by the sample.</summary>
    public static UnitDirectory SampleUnits() => new(
    [
        new Unit("VP", "Văn phòng HĐND và UBND phường", [], UnitKind.Office, "vp@haian.example", []),
        new Unit("VHXH", "Phòng Văn hóa - Xã hội", ["Phòng Văn hóa-Xã hội"], UnitKind.Office, "vhxh@haian.example", []),
        new Unit("KTHTDT", "Phòng Kinh tế, Hạ tầng và Đô thị", [], UnitKind.Office, "kthtdt@haian.example", []),
        new Unit("TTDVSNC", "Trung tâm dịch vụ sự nghiệp công", [], UnitKind.PublicServiceUnit, "ttdv@haian.example", []),
        new Unit("BXDD", "Ban Xây dựng Đảng", [], UnitKind.PartyBody, null, []),
        new Unit("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam phường", [], UnitKind.FrontOrMassOrganisation, null, []),
    ]);

    /// <summary>A sample like QĐ 673: three sections, ongoing/dated tasks, heading 3.5 with a, b, c.</summary>
    public static TaskCatalogue Sample() => new ReportCatalogueBuilder()
        .Section("1", "CÁC NHIỆM VỤ VỀ XÂY DỰNG KẾ HOẠCH, TUYÊN TRUYỀN, PHỔ BIỂN CÁC CHỦ TRƯƠNG VỀ CÔNG TÁC DÂN VẬN")
        .Task("1.1",
            "Phổ biến, quán triệt, tuyên truyền và triển khai các văn bản của Trung ương, Thành phố về công tác dân vận gắn với thực " +
            "hiện dân chủ ở cơ sở.", AllOffices, [], Ongoing, leadText: OfficesPhrase)
        .Task("1.2",
            "Xây dựng Chương trình, kế hoạch triển khai công tác dân vận gắn với việc thực hiện chủ đề năm 2026 của thành phố “Chủ động " +
            "thực thi; phát huy động lực; tăng trưởng bứt phá”.", AllOffices, ["BXDD"], Before(15, 2), leadText: OfficesPhrase,
            coordinatingText: "Ban xây dựng Đảng")
        .Task("1.3", "Tuyên truyền đến các tầng lớp Nhân dân thực hiện các chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
            ["TTDVSNC"], ["VP", "VHXH", "KTHTDT"], Ongoing)
        .Section("2", "CÁC NHIỆM VỤ VỀ THỰC HIỆN CHỦ ĐỀ NĂM 2026 CỦA THÀNH PHỐ")
        .Task("2.2", "Thực hiện công tác Dân vận gắn với thực hiện hiệu quả các Nghị quyết về phát triển nhà ở, nhà ở xã hội.", ["KTHTDT"],
            [], YearOnward())
        .Task("2.3",
            "Thực hiện công tác dân vận gắn với thực hiện Nghị quyết số 57-NQ/TW về chuyển đổi số, đẩy nhanh tiến độ xây dựng chính " +
            "quyền điện tử.", ["VHXH"], AllOffices, YearOnward())
        .Task("2.4", "Ban hành kế hoạch triển khai thực hiện mô hình “Chính quyền thân thiện”.", ["VHXH"], ["BXDD", "MTTQ", "VP", "KTHTDT",
            "TTDVSNC"], Quarter(1))
        .Section("3", "CÁC NHIỆM VỤ VỀ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ")
        .Heading("3.5", "Tham mưu Ủy ban nhân dân phường thi hành Luật Thực hiện dân chủ ở cơ sở")
        .Task("3.5.a",
            "Xây dựng Kế hoạch triển khai thực hiện dân chủ ở cơ sở gắn với Nghị quyết số 82/NQ-HĐND ngày 11/12/2025 của Hội đồng nhân " +
            "dân thành phố.", ["VHXH"], AllOffices, Before(15, 2), parent: "3.5")
        .Task("3.5.b",
            "Xây dựng, sửa đổi, bổ sung Quy chế dân chủ ở cơ sở, quy định, nội quy, quy chế làm việc, quy chế chi tiêu nội bộ tại địa " +
            "phương.", ["VHXH"], [], Before(28, 2), parent: "3.5")
        .Task("3.5.c", "Triển khai thực hiện dân chủ ở cơ sở tại các cộng đồng dân cư, cơ quan, đơn vị trực thuộc Ủy ban nhân dân phường.",
            ["VHXH"], ["VP"], Ongoing, parent: "3.5")
        .Build();

    /// <summary>A filled-in submission of the sample for one unit: every row it has in its template.</summary>
    public static Submission SampleSubmission(TaskCatalogue catalogue, string unitCode, int round = 1)
    {
        var rows = new List<SubmissionRow>();
        var i = 0;
        foreach (var task in catalogue.WorkItems)
        {
            if (ReportPlanner.RoleOf(task, unitCode) is null)
            {
                continue;
            }

            i++;
            var status = StatusCategories.All[i % 4];
            rows.Add(new SubmissionRow(
                task.Code,
                $"{unitCode} đã triển khai nhiệm vụ {task.Code}: tổ chức {i} hội nghị quán triệt.\n- Tuyên truyền trên Cổng thông tin " +
                    $"điện tử phường.",
                status,
                i % 2 == 0 ? $"Thiếu kinh phí thực hiện nhiệm vụ {task.Code} ({unitCode})." : string.Empty,
                i % 3 == 0 ? $"Đề nghị bổ sung biên chế cho {unitCode} ở nhiệm vụ {task.Code}." : string.Empty));
        }

        return new Submission(unitCode, round, CatalogueVersion.Compute(catalogue), rows);
    }

    /// <summary>A city-sized catalogue: <paramref name="sections"/> × <paramref name="tasksPerSection"/> tasks, <paramref
    /// name="unitCount"/> units, each task led by one unit and coordinated by three.</summary>
    public static (TaskCatalogue Catalogue, UnitDirectory Units) CityScale(int sections, int tasksPerSection, int unitCount)
    {
        var units = Enumerable.Range(1, unitCount)
            .Select(i => new Unit(string.Create(CultureInfo.InvariantCulture, $"U{i:000}"), string.Create(CultureInfo.InvariantCulture,
                $"Ủy ban nhân dân xã, phường số {i}"), [], UnitKind.Office, null, []))
            .ToList();
        var builder = new ReportCatalogueBuilder();
        var n = 0;
        for (var s = 1; s <= sections; s++)
        {
            builder.Section(s.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture,
                $"NHÓM NHIỆM VỤ SỐ {s} VỀ CÔNG TÁC DÂN VẬN"));
            for (var t = 1; t <= tasksPerSection; t++, n++)
            {
                string U(int k) => units[(n + k) % unitCount].Code;
                builder.Task(
                    string.Create(CultureInfo.InvariantCulture, $"{s}.{t}"),
                    string.Create(CultureInfo.InvariantCulture,
                        $"Thực hiện công tác dân vận gắn với nhiệm vụ số {s}.{t} về chuyển đổi số, cải cách hành chính và xây dựng chính " +
                        $"quyền thân thiện."),
                    [U(0)],
                    [U(1), U(2), U(3)],
                    t % 3 == 0 ? Ongoing : Before(1 + (t % 27), 1 + (t % 12)));
            }
        }

        return (builder.Build(), new UnitDirectory(units));
    }
}
