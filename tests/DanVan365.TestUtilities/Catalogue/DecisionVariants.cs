namespace DanVan365.TestUtilities.Catalogue;

/// <summary>Variants of the bundled decision's text extraction, made by editing its lines (1-based numbers of the original file).</summary>
public static class DecisionVariants
{
    /// <summary>A page header laid out differently from the original (4 lines instead of 9).</summary>
    public static readonly string[] PageHeader = [" TT Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];

    public static List<string> Original() => File.ReadAllText(TestData.DecisionTextPath).Split('\n').ToList();

    /// <summary>
    /// The decision re-issued: task 1.3 removed, 2.2 reworded, 4.12 added, the page break that split 2.5 gone,
    /// new page breaks inside 4.4's title and inside 5.1's time frame, the page header laid out differently.
    /// </summary>
    public static string Reissued()
    {
        var o = Original();
        string L(int n) => o[n - 1];
        IEnumerable<string> R(int from, int to) => Enumerable.Range(from, to - from + 1).Select(L);

        var result = new List<string>();
        result.AddRange(R(1, 256));                          // … up to the header before 1.3
        result.AddRange(R(283, 309));                        // 1.3 removed; 2 …, 2.1, "2.2"
        result.AddRange(["Thực hiện công tác dân vận gắn với phát", "", "triển nhà ở xã hội trên địa bàn phường.", ""]);
        result.AddRange(R(317, 429));                        // 2.2 units … 2.5 up to "trực thuộc"
        result.AddRange(R(450, 455));                        // 2.5's coordinating units, no page break now
        result.AddRange(R(431, 433));                        // 2.5's time frame
        result.AddRange(R(455, 867));                        // … 4.4 title, first page
        result.AddRange(R(868, 868));
        result.AddRange(R(877, 894));                        // 4.4 lead, coordinating, time on the first page
        result.AddRange(PageHeader);
        result.AddRange(R(869, 876));                        // 4.4 title continues on the next page
        result.AddRange(R(895, 1134));                       // … 5.1 up to "Tháng"
        result.AddRange(PageHeader);                         // page break inside the time frame
        result.AddRange(R(1135, 1170));
        var text = string.Join('\n', result) + "\n" + string.Join('\n', R(1171, o.Count));

        // 4.12 added before section 5
        const string Added =
            "4.12\n\nTổ chức hội nghị đối thoại giữa Chủ tịch Ủy\n\nban nhân dân phường với Nhân dân năm 2026.\n\nVăn " +
            "phòng\n\nHĐND&UBND\n\nỦy ban MTTQ\n\nViệt Nam\n\nphường; Các\n\nTDP trên địa\n\nbàn\n\nQuý II/2026\n\n5 \n\nCÁC NHIỆM VỤ VỀ " +
            "SẮP XẾP";
        return text.Replace("5 \n\nCÁC NHIỆM VỤ VỀ SẮP XẾP", Added, StringComparison.Ordinal);
    }

    /// <summary>The original with one line replaced (1-based).</summary>
    public static string WithLine(int line, string replacement)
    {
        var o = Original();
        o[line - 1] = replacement;
        return string.Join('\n', o);
    }

    /// <summary>The original with lines removed (1-based, inclusive).</summary>
    public static string WithoutLines(int from, int to)
    {
        var o = Original();
        o.RemoveRange(from - 1, to - from + 1);
        return string.Join('\n', o);
    }

    /// <summary>The first <paramref name="lines"/> lines only (a file cut off).</summary>
    public static string FirstLines(int lines) => string.Join('\n', Original().Take(lines));
}
