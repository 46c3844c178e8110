using DanVan365.Core.Catalogue;

namespace DanVan365.TestUtilities.Catalogue;

/// <summary>
/// The bundled decision and a re-issue of it (QĐ 901/QĐ-UBND of 15/06/2026): task 4.10 removed (a numbering gap),
/// 4.12 added, and three entries changed — 1.1's title, 2.2's time frame and 2.4's coordinating units.
/// </summary>
public static class CatalogueReissue
{
    public const string Removed = "4.10";
    public const string Added = "4.12";
    public static readonly string[] Changed = ["1.1", "2.2", "2.4"];

    public static TaskCatalogue Original => Bundled.Catalogue;

    public static TaskCatalogue Reissued()
    {
        var original = Original;
        var tasks = new List<CatalogueTask>();
        foreach (var t in original.Tasks)
        {
            switch (t.Code)
            {
                case Removed:
                    continue;
                case "1.1":
                    tasks.Add(t with { Title = t.Title + " (sửa đổi)" });
                    break;
                case "2.2":
                    tasks.Add(t with { TimeFrame = new TimeFrame("Quý III/2026", TimeFrameKind.Quarter, new DateOnly(2026, 9, 30)) });
                    break;
                case "2.4":
                    tasks.Add(t with { Coordinating = new UnitReference("Văn phòng HĐND&UBND", ["VP"]) });
                    break;
                default:
                    tasks.Add(t);
                    break;
            }

            if (t.Code == "4.11")
            {
                tasks.Add(t with
                {
                    Code = Added,
                    Title = "Tổ chức hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân năm 2026."
                });
            }
        }

        var decision = original.Decision with { Number = "901/QĐ-UBND", Date = new DateOnly(2026, 6, 15) };
        return original with { Decision = decision, Tasks = tasks };
    }
}
