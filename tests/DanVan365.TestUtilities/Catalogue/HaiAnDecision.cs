namespace DanVan365.TestUtilities.Catalogue;

/// <summary>One entry of QĐ 673/QĐ-UBND as written in the decision (transcribed by hand, whitespace normalised).</summary>
public sealed record ExpectedEntry(
    string Code,
    string Title,
    string Lead,
    string[] LeadUnits,
    string Coordinating,
    string[] CoordinatingUnits,
    string? Time,
    string? Kind,
    string? LastDay,
    string[] Footnotes);

/// <summary>The expected catalogue of the bundled decision, entry by entry (hand-written test data, not parser output).</summary>
public static class HaiAnDecision
{
    public const string Number = "673/QĐ-UBND";
    public const string Date = "2026-02-12";
    public const string Issuer = "Ủy ban nhân dân phường Hải An";
    public const string Signer = "Bùi Quang Ngân";
    public static readonly string[] SignerCapacity = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"];

    public static readonly string[] All = ["VP", "VHXH", "KTHTDT", "TTPVHCC", "TTDVSNC", "BQLDA"];
    public static readonly string[] Offices = ["VP", "VHXH", "KTHTDT", "TTPVHCC"];

    /// <summary>Every office and public service unit but the task's lead units: a lead is never its own coordinator.</summary>
    private static string[] AllBut(params string[] leads) => [.. All.Where(u => !leads.Contains(u))];

    private const string AllPhrase = "Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc";
    private const string AllPhrase2 = "Các phòng, đơn vị và ĐVSNCL trực thuộc phường";
    private const string AllConcerned = "Các phòng, đơn vị và ĐVSNCL trực thuộc phường có liên quan";
    private const string Vhxh = "Phòng Văn hóa-Xã hội";
    private const string Kt = "Phòng Kinh tế, Hạ tầng và Đô thị";
    private const string Vp = "Văn phòng HĐND&UBND";
    private const string Bxdd = "Ban Xây dựng Đảng";
    private const string Mttq = "Ủy ban Mặt trận Tổ quốc Việt Nam phường";

    /// <summary>The decision's paragraphs before the table, in the order the test forms write them.</summary>
    public static readonly string[] Opening =
    [
        "ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN",
        "QUYẾT ĐỊNH",
        "Ban hành danh mục nhiệm vụ thực hiện công tác dân vận năm 2026 của cơ quan hành chính nhà nước, chính quyền các cấp trên địa " +
            "bàn phường Hải An",
        "Căn cứ Quyết định số 371/QĐ-UBND ngày 28/01/2026 của Ủy ban nhân dân thành phố;",
    ];

    /// <summary>The "Nơi nhận" block (optional in the test forms).</summary>
    public static readonly string[] Recipients =
    [
        "Nơi nhận:", "- Như Điều 3;", "- TTĐU, TT HĐND phường;", "- CT, các PCT UBND phường;", "- UBMTTQ VN phường;",
        "- Các phòng, đơn vị trực thuộc;", "- Đơn vị sự nghiệp công lập trực thuộc;", "- Cổng thông tin điện tử phường;",
        "- Lưu: VT, VHXH.",
    ];

    /// <summary>The signature block and the annex's title, just before the table.</summary>
    public static readonly string[] Signature =
    [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Quang Ngân", "DANH MỤC",
        "(Ban hành kèm theo Quyết định số 673/QĐ-UBND ngày 12/02/2026 của Ủy ban nhân dân phường)", "I. DANH MỤC CÁC NHIỆM VỤ:",
    ];

    /// <summary>Part II, after the table.</summary>
    public static readonly string[] Closing =
    [
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Căn cứ các nhiệm vụ trong danh mục này, yêu cầu các cơ quan, đơn vị, triển khai thực hiện từng nhiệm vụ được phân công; báo " +
            "cáo kết quả thực hiện về Ủy ban nhân dân phường (qua Phòng Văn hóa - Xã hội tổng hợp) lần 1 trước ngày 15/9/2026, lần 2 " +
            "trước ngày 20/11/2026 và báo cáo đột xuất (khi cần thiết theo yêu cầu).",
        "2. Giao Phòng Văn hóa - Xã hội tổng hợp, đôn đốc, theo dõi việc thực hiện các nhiệm vụ trong danh mục ban hành kèm theo " +
            "Quyết định này.",
    ];

    public static readonly (string Code, string Title)[] Sections =
    [
        ("1", "CÁC NHIỆM VỤ VỀ XÂY DỰNG KẾ HOẠCH, TUYÊN TRUYỀN, PHỔ BIỂN CÁC CHỦ TRƯƠNG VỀ CÔNG TÁC DÂN VẬN"),
        ("2", "CÁC NHIỆM VỤ VỀ THỰC HIỆN CHỦ ĐỀ NĂM 2026 CỦA THÀNH PHỐ"),
        ("3", "CÁC NHIỆM VỤ TRIỂN KHAI CÁC QUY ĐỊNH CỦA ỦY BAN NHÂN DÂN THÀNH PHỐ LIÊN QUAN ĐẾN CÔNG TÁC DÂN VẬN VÀ DÂN CHỦ"),
        ("4", "CÁC NHIỆM VỤ GẮN THỰC HIỆN CÔNG TÁC DÂN VẬN VỚI ĐẨY MẠNH CẢI CÁCH HÀNH CHÍNH VÀ GIẢI QUYẾT BỨC XÚC, KIẾN NGHỊ CỦA NGƯỜI " +
            "DÂN"),
        ("5", "CÁC NHIỆM VỤ VỀ SẮP XẾP TỔ CHỨC BỘ MÁY CÁC CƠ QUAN NHÀ NƯỚC TINH GỌN, HOẠT ĐỘNG HIỆU LỰC, HIỆU QUẢ; NÂNG CAO ĐẠO ĐỨC CÔNG " +
            "VỤ, TINH THẦN TRÁCH NHIỆM, KỶ LUẬT, KỶ CƯƠNG"),
    ];

    public const string Footnote1 =
        "Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ chính trị về việc ban hành Quy chế công tác dân vận của hệ thống chính trị; Quyết " +
        "định số 446-QĐ/TU ngày 26/11/2021 của Ban Thường vụ Thành ủy về việc ban hành “Quy chế công tác dân vận của hệ thống chính trị " +
        "tại thành phố Hải Phòng”; Chỉ thị số 26/CT-UBND ngày 31/12/2021 của UBND thành phố về “Tiếp tục tăng cường và đổi mới công tác " +
        "dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới”… - Luật Thực hiện dân chủ ở cơ sở ngày " +
        "10/11/2022; Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ phủ quy định chi tiết một số điều của Luật Thực hiện dân " +
        "chủ ở cơ sở; Chỉ thị của Ban Thường vụ Thành ủy, Tỉnh ủy và Kế hoạch của UBND thành phố Hải Phòng (cũ), UBND tỉnh Hải Dương " +
        "triển khai thực hiện về đẩy mạnh thực hiện dân chủ theo phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, " +
        "dân thụ hưởng”; Kế hoạch của UBND thành phố Hải Phòng (cũ), UBND tỉnh Hải Dương triển khai thi hành Luật Thực hiện dân chủ ở cơ " +
        "sở; Quyết định của Ban Thường vụ Thành uỷ, Tỉnh ủy về Quy chế đối thoại giữa người đứng đầu cấp uỷ, chính quyền các cấp với " +
        "Nhân dân; Nghị quyết của Hội đồng nhân dân thành phố Hải Phòng (cũ), Hội đồng nhân dân tỉnh Hải Dương về các biện pháp bảo đảm " +
        "thực hiện dân chủ ở cơ sở …";

    public static readonly string FootnoteStart =
        "Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ chính trị về việc ban hành Quy chế công tác dân vận của hệ thống chính trị;";
    public static readonly string FootnoteEnd = "Hội đồng nhân dân tỉnh Hải Dương về các biện pháp bảo đảm thực hiện dân chủ ở cơ sở …";

    public static readonly ExpectedEntry[] Entries =
    [
        new("1.1",
            "Phổ biến, quán triệt, tuyên truyền và triển khai các văn bản của Trung ương, Thành phố về công tác dân vận gắn với thực " +
            "hiện dân chủ ở cơ sở.",
            AllPhrase, All, "", [], "Thường xuyên", "ongoing", null, ["1"]),
        new("1.2",
            "Xây dựng Chương trình, kế hoạch triển khai công tác dân vận gắn với việc thực hiện chủ đề năm 2026 của thành phố “Chủ động " +
            "thực thi; phát huy động lực; tăng trưởng bứt phá”; Chủ đề năm của phường““Chủ động thực thi, chỉnh trang đô thị, đẩy mạnh " +
            "chuyển đổi sổ”. Phân công nhiệm vụ cho cán bộ, công chức, viên chức tham mưu, tổ chức thực hiện công tác dân vận, dân chủ ở " +
            "cơ sở",
            AllPhrase, All, "Ban xây dựng Đảng", ["BXDD"], "Hoàn thành trước 15/2/2026", "before", "2026-02-14", []),
        new("1.3", "Tuyên truyền đến các tầng lớp Nhân dân thực hiện các chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
            "Trung tâm dịch vụ sự nghiệp công", ["TTDVSNC"], AllPhrase, AllBut("TTDVSNC"), "Thường xuyên", "ongoing", null, []),
        new("2.1",
            "Thực hiện quy hoạch thành phố Hải Phòng đã được Thủ tướng Chính phủ phê duyệt theo phê duyệt điều chỉnh Quy hoạch chung đến " +
            "năm 2040, tầm nhìn đến năm 2050",
            AllPhrase, All, "", [], "Thường xuyên", "ongoing", null, []),
        new("2.2",
            "Thực hiện công tác Dân vận gắn với thực hiện hiệu quả các Nghị quyết về phát triển nhà ở, nhà ở xã hội kết hợp giải quyết " +
            "nhà ở cán bộ, công chức, viên chức.",
            Kt, ["KTHTDT"], "", [], "Năm 2026 và các năm tiếp theo", "year-onward", "2026-12-31", []),
        new("2.3",
            "Thực hiện công tác dân vận gắn với thực hiện Kế hoạch hành động của Ban Thường vụ Thành ủy thực hiện Nghị quyết số " +
            "57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về chuyển đổi số, đẩy nhanh tiến độ xây dựng chính quyền điện tử; hình thành " +
            "trung tâm dữ liệu dùng chung, xây dựng nền tảng số, dữ liệu dùng chung phục vụ xây dựng chính quyền số; xây dựng mô hình " +
            "điểm về chuyển đổi số cấp xã”.",
            Vhxh, ["VHXH"], AllPhrase, AllBut("VHXH"), "Năm 2026 và các năm tiếp theo", "year-onward", "2026-12-31", []),
        new("2.4", "Ban hành kế hoạch triển khai thực hiện mô hình “Chính quyền thân thiện”.",
            Vhxh, ["VHXH"], $"{Bxdd}; {Mttq}; {AllPhrase}", ["BXDD", "MTTQ", .. AllBut("VHXH")], "Quý I/2026", "quarter",
                "2026-03-31", []),
        new("2.5", "Tổ chức thực hiện mô hình “Chính quyền thân thiện”",
            Vhxh, ["VHXH"], $"{Bxdd}; {Mttq}; {AllPhrase}", ["BXDD", "MTTQ", .. AllBut("VHXH")], "Quý IV/2026", "quarter",
                "2026-12-31", []),
        new("2.6",
            "Thực hiện công tác dân vận gắn với hỗ trợ doanh nghiệp, giải quyết khó khăn, vướng mắc trong hoạt động sản xuất kinh doanh " +
            "tại các khu công nghiệp, khu kinh tế; tổ chức đối thoại định kỳ với doanh nghiệp, người lao động.",
            Kt, ["KTHTDT"], AllPhrase, AllBut("KTHTDT"), "Thường xuyên", "ongoing", null, []),
        new("3.1", "Tham mưu Ủy ban nhân dân phường chấm điểm, xếp loại công tác dân vận năm 2026",
            Vhxh, ["VHXH"], $"{Bxdd}; {AllPhrase}", ["BXDD", .. AllBut("VHXH")], "Quý IV/2026", "quarter", "2026-12-31", []),
        new("3.2",
            "Tổ chức xây dựng các mô hình dân vận khéo; đảm bảo 100% các cơ quan, đơn vị… có mô hình dân vận khéo được cấp có thẩm quyền " +
            "công nhận.",
            AllPhrase, All, $"{Bxdd}; {Mttq};", ["BXDD", "MTTQ"], "Năm 2026", "year", "2026-12-31", []),
        new("3.3",
            "Tham mưu Ủy ban nhân dân phường tiếp tục thực hiện dân chủ trong công tác bồi thường, hỗ trợ, tái định cư khi Nhà nước thu " +
            "hồi đất trên địa bàn phường.",
            "Ban QLDAĐTXD", ["BQLDA"], $"{Bxdd}; {AllPhrase} có liên quan", ["BXDD", .. AllBut("BQLDA")], "Năm 2026", "year",
                "2026-12-31", []),
        new("3.4",
            "Tham mưu Ủy ban nhân dân phường đẩy nhanh tiến độ đăng ký đất đai, cấp giấy chứng nhận quyền sử dụng đất cho các cơ sở tôn " +
            "giáo đủ điều kiện theo quy định trên địa bàn phường.",
            Kt, ["KTHTDT"], AllPhrase, AllBut("KTHTDT"), "Thường xuyên", "ongoing", null, []),
        new("3.5", "Tham mưu Ủy ban nhân dân phường thi hành Luật Thực hiện dân chủ ở cơ sở",
            "", [], "", [], null, null, null, []),
        new("3.5.a",
            "Xây dựng Kế hoạch triển khai thực hiện dân chủ ở cơ sở gắn với Nghị quyết số 82/NQ-HĐND ngày 11/12/2025 của Hội đồng nhân " +
            "dân thành phố và Quyết định của phường về các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn phường.",
            Vhxh, ["VHXH"], AllPhrase, AllBut("VHXH"), "Hoàn thành trước 15/02/2026", "before", "2026-02-14", []),
        new("3.5.b",
            "Xây dựng, sửa đổi, bổ sung Quy chế dân chủ ở cơ sở, quy định, nội quy, quy chế làm việc, quy chế chi tiêu nội bộ tại địa " +
            "phương.",
            Vhxh, ["VHXH"], "", [], "Hoàn thành trước ngày 28/02/2026", "before", "2026-02-27", []),
        new("3.5.c", "Triển khai thực hiện dân chủ ở cơ sở tại các cộng đồng dân cư, cơ quan, đơn vị trực thuộc Ủy ban nhân dân phường.",
            Vhxh, ["VHXH"], $"{AllPhrase}; Các TDP trên địa bàn", [.. AllBut("VHXH"), "TDP"], "Năm 2026", "year", "2026-12-31", []),
        new("3.5.d",
            "Triển khai thực hiện dân chủ ở cơ sở tại các đơn vị sự nghiệp công lập, doanh nghiệp nhà nước trực thuộc các cơ quan, đơn " +
            "vị; doanh nghiệp và tổ chức khác có thuê mướn, sử dụng lao động theo hợp đồng lao động thuộc khu vực ngoài nhà nước.",
            "Các cơ quan, đơn vị, tổ chức, doanh nghiệp", ["DN"],
            $"Phòng Văn hóa - Xã hội tổng hợp, theo dõi chung; đề nghị {Mttq} phối hợp thực hiện", ["VHXH", "MTTQ"], "Năm 2026", "year",
                "2026-12-31", []),
        new("4.1", "Tiếp tục triển khai Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030.",
            Vhxh, ["VHXH"], AllPhrase2, AllBut("VHXH"), "Năm 2026", "year", "2026-12-31", []),
        new("4.2",
            "Rà soát, thống kê, đánh giá và đề xuất phương án cắt, giảm đơn giản hóa các quy định, chi phí tuân thủ liên quan đến hoạt " +
            "động kinh doanh nhằm cải thiện môi trường đầu tư kinh doanh, nâng cao năng lực cạnh tranh cấp tỉnh.",
            Kt, ["KTHTDT"], "", [], "Năm 2026", "year", "2026-12-31", []),
        new("4.3",
            "Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân phường tăng cường đối thoại, tiếp xúc trực tiếp với Nhân dân, tháo " +
            "gỡ khó khăn, vướng mắc của Nhân dân ngay từ cơ sở.",
            Vp, ["VP"], AllConcerned, AllBut("VP"), "Năm 2026", "year", "2026-12-31", []),
        new("4.4",
            "Nâng cao hiệu quả tiếp nhận, giải quyết và tạo điều kiện thuận lợi để công dân, doanh nghiệp góp ý, phản ánh, kiến nghị, " +
            "khiếu nại, tố cáo các hành vi tham nhũng, sách nhiễu, gây phiền hà, tự ý đặt ra các khoản phí ngoài quy định trong giải " +
            "quyết thủ tục hành chính qua đường dây nóng, điện thoại, tin nhắn, thư điện tử và các hình thức khác được pháp luật cho phép.",
            Vp, ["VP"], AllConcerned, AllBut("VP"), "Năm 2026", "year", "2026-12-31", []),
        new("4.5", "Rà soát, giải quyết các vụ việc khiếu nại, tố cáo đông người, phức tạp, kéo dài trên địa bàn phường.",
            Vp, ["VP"], AllConcerned, AllBut("VP"), "Năm 2026", "year", "2026-12-31", []),
        new("4.6",
            "Thường xuyên kiểm tra trách nhiệm thủ trưởng trong việc thực hiện quy định pháp luật về công tác tiếp dân, giải quyết khiếu " +
            "nại, tố cáo và phòng, chống tham nhũng.",
            Vp, ["VP"], AllConcerned, AllBut("VP"), "Năm 2026", "year", "2026-12-31", []),
        new("4.7", "Tham mưu thực hiện chấm điểm, xếp loại công tác dân vận phường năm 2026.",
            Vhxh, ["VHXH"], AllPhrase2, AllBut("VHXH"), "Tháng 8/2026", "month", "2026-08-31", []),
        new("4.8",
            "Triển khai thực hiện công tác dân vận, kết quả thực hiện dân chủ của các cơ quan hành chính nhà nước, chính quyền trên địa " +
            "bàn phường",
            Vhxh, ["VHXH"], AllPhrase2, AllBut("VHXH"), "Quý IV/2026", "quarter", "2026-12-31", []),
        new("4.9",
            "Triển khai thực hiện công tác dân vận, dân chủ trong công tác bầu cử đại biểu Quốc hội, đại biểu Hội đồng nhân dân các cấp",
            "Các phòng, đơn vị trực thuộc phường có liên quan", Offices,
            $"{AllConcerned}; đề nghị {Mttq} và Đảng ủy cơ quan Đảng phường phối hợp thực hiện", [.. AllBut(Offices), "MTTQ", "DUCQ"],
                "Quý I/2026,",
                "quarter", "2026-03-31", []),
        new("4.10",
            "Tăng cường ứng dụng công nghệ thông tin, chuyển đổi số trong công tác tiếp nhận, xử lý phản ánh, kiến nghị của doanh nghiệp " +
            "và người dân tại các khu công nghiệp, khu kinh tế…",
            "Các phòng, đơn vị trực thuộc phường", Offices, "", [], "Năm 2026", "year", "2026-12-31", []),
        new("4.11",
            "Nâng cao việc ứng dụng công nghệ thông tin trong tiếp nhận và đánh giá sự hài lòng của người dân, doanh nghiệp trong việc " +
            "thực hiện dịch vụ công.",
            "Trung tâm phục vụ hành chính công", ["TTPVHCC"], "", [], "Thường xuyên", "ongoing", null, []),
        new("5.1", "Tiếp tục rà soát để sắp xếp lại đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân phường.",
            "Phòng Văn hóa - Xã hội", ["VHXH"], AllPhrase, AllBut("VHXH"), "Tháng 11/2026", "month", "2026-11-30", []),
        new("5.2",
            "Kịp thời giải quyết các khó khăn, vướng mắc, tâm tư nguyện vọng của cán bộ, công chức, viên chức, người lao động khi triển " +
            "khai Nghị quyết của Quốc hội, Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính các cấp trên địa bàn thành phố và địa " +
            "bàn phường.",
            "Phòng Văn hóa - Xã hội", ["VHXH"], AllPhrase, AllBut("VHXH"), "Cả năm 2026", "year", "2026-12-31", []),
    ];
}
