using System.Globalization;
using System.Text;
using DanVan365.Core.Text;

namespace DanVan365.Core.Units.Proposal;

/// <summary>
/// What the names of a ward's bodies look like (docs/architecture.md "A new ward: init"): the words a unit name starts
/// with, the comparison key that makes two spellings of one body equal (abbreviations expanded, the ward suffix dropped),
/// the kind guessed from the name, and a stable ASCII code from the name's initials. Pure rules, no I/O.
/// </summary>
public static class UnitNameRules
{
    /// <summary>Words (as written, capitalised) a unit or group name starts with; longest first.</summary>
    private static readonly string[] Heads =
    [
        "Ủy ban Mặt trận", "Uỷ ban Mặt trận", "Ủy ban MTTQ", "Uỷ ban MTTQ", "Đơn vị sự nghiệp", "Ban Chỉ huy", "Ban chỉ huy",
        "Văn phòng", "Trung tâm", "Đảng ủy", "Đảng uỷ", "Mặt trận", "Cơ quan", "Doanh nghiệp", "Công an", "Chi bộ", "UBMTTQ",
        "ĐVSNCL", "Phòng", "Ban", "Các", "Hội", "Đoàn", "Công đoàn", "Tổ", "Trạm", "Trường",
    ];

    /// <summary>Abbreviations of bodies' names and what they stand for (on match keys, whole words).</summary>
    private static readonly (string Short, string Long)[] Abbreviations =
    [
        ("ubmttq", "ủy ban mặt trận tổ quốc"), ("mttq", "mặt trận tổ quốc"), ("vn", "việt nam"), ("hđnd", "hội đồng nhân dân"),
        ("ubnd", "ủy ban nhân dân"), ("tdp", "tổ dân phố"), ("đvsncl", "đơn vị sự nghiệp công lập"),
        ("qldađtxd", "quản lý dự án đầu tư xây dựng"), ("qlda", "quản lý dự án"), ("đtxd", "đầu tư xây dựng"),
        ("xdđ", "xây dựng đảng"), ("pvhcc", "phục vụ hành chính công"), ("dvsnc", "dịch vụ sự nghiệp công"),
        ("vhxh", "văn hóa xã hội"), ("vh-xh", "văn hóa xã hội"), ("tncs", "thanh niên cộng sản"), ("lhpn", "liên hiệp phụ nữ"),
        ("ccb", "cựu chiến binh"), ("kt", "kinh tế"), ("ht", "hạ tầng"), ("đt", "đô thị"),
    ];

    /// <summary>Words left out of a code's initials.</summary>
    private static readonly HashSet<string> CodeStopWords = new(StringComparer.Ordinal)
    {
        "va", "cac", "cua", "tren", "dia", "ban", "truc", "thuoc",
    };

    /// <summary>The ward's own word for itself ("phường", "xã", "thị trấn"), from its name ("Phường Hải An" → "phường").</summary>
    public static string WardWord(string wardName)
    {
        var key = VietnameseText.MatchKey(wardName);
        return key.StartsWith("thị trấn", StringComparison.Ordinal) ? "thị trấn" : key.StartsWith("xã", StringComparison.Ordinal)
            ? "xã" : "phường";
    }

    /// <summary>The ward's id for settings and logs: ASCII, lower case, without its kind ("Phường Hải An" → "hai-an").</summary>
    public static string WardSlug(string wardName)
    {
        var ascii = Ascii(VietnameseText.Normalize(wardName)).ToLowerInvariant();
        foreach (var prefix in new[] { "phuong ", "xa ", "thi tran " })
        {
            if (ascii.StartsWith(prefix, StringComparison.Ordinal) && ascii.Length > prefix.Length)
            {
                ascii = ascii[prefix.Length..];
                break;
            }
        }

        var sb = new StringBuilder();
        foreach (var c in ascii)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var slug = string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "phuong" : slug;
    }

    /// <summary>True when <paramref name="text"/> (as written) starts like a unit or group name ("Phòng …", "Các …").</summary>
    public static bool StartsLikeUnit(string text)
    {
        var t = VietnameseText.Normalize(text);
        return Heads.Any(h => t.StartsWith(h, StringComparison.Ordinal)
            && (t.Length == h.Length || !char.IsLetterOrDigit(t[h.Length])));
    }

    /// <summary>
    /// The key under which two spellings of one body are the same: the match key with abbreviations expanded, "&amp;"
    /// read as "và", dashes and commas dropped, and the ward suffix ("… phường", "… trên địa bàn phường") removed.
    /// </summary>
    public static string BodyKey(string name, string wardWord)
    {
        var key = VietnameseText.MatchKey(name).Replace("&", " và ", StringComparison.Ordinal)
            .Replace("-", " ", StringComparison.Ordinal).Replace(",", " ", StringComparison.Ordinal)
            .Replace(".", " ", StringComparison.Ordinal);
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var expanded = new List<string>();
        foreach (var w in words)
        {
            var hit = Abbreviations.FirstOrDefault(a => a.Short == w);
            expanded.AddRange(hit.Long is null ? [w] : hit.Long.Split(' '));
        }

        var text = string.Join(' ', expanded);
        foreach (var suffix in new[] { $" trên địa bàn {wardWord}", " trên địa bàn", $" {wardWord}" })
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                text = text[..^suffix.Length];
            }
        }

        return text;
    }

    /// <summary>The member kinds a group phrase stands for, or null when the name is not a group of the committee's units.</summary>
    public static IReadOnlyList<UnitKind>? GroupKinds(string name, string wardWord)
    {
        var key = BodyKey(name, wardWord);
        if (!key.StartsWith("các ", StringComparison.Ordinal) && !key.StartsWith("đơn vị sự nghiệp", StringComparison.Ordinal))
        {
            return null;
        }

        if (key.Contains("doanh nghiệp", StringComparison.Ordinal) || key.Contains("tổ dân phố", StringComparison.Ordinal)
            || key.Contains("tổ chức", StringComparison.Ordinal))
        {
            return null;
        }

        var publicService = key.Contains("sự nghiệp công lập", StringComparison.Ordinal);
        var offices = key.Contains("phòng", StringComparison.Ordinal);
        return (offices, publicService) switch
        {
            (true, true) => [UnitKind.Office, UnitKind.PublicServiceUnit],
            (true, false) => [UnitKind.Office],
            (false, true) => [UnitKind.PublicServiceUnit],
            _ => null,
        };
    }

    /// <summary>The kind guessed from a unit's name, and whether the guess is sure (false: a person must check it).</summary>
    public static (UnitKind Kind, bool Sure) GuessKind(string name, string wardWord)
    {
        var key = BodyKey(name, wardWord);
        bool Starts(string s) => key.StartsWith(Key(s), StringComparison.Ordinal);
        bool Has(string s) => key.Contains(Key(s), StringComparison.Ordinal);
        if (Starts("văn phòng") || Starts("phòng ") || Starts("trung tâm phục vụ hành chính công"))
        {
            return (UnitKind.Office, true);
        }

        if (Starts("trung tâm") || Starts("ban quản lý"))
        {
            return (UnitKind.PublicServiceUnit, true);
        }

        if (Starts("đảng ủy") || Starts("chi bộ") || (Starts("ban ") && Has("đảng")))
        {
            return (UnitKind.PartyBody, true);
        }

        if (Has("mặt trận tổ quốc") || Starts("hội ") || Starts("đoàn thanh niên") || Starts("công đoàn") || Starts("các đoàn thể")
            || Starts("các tổ chức chính trị"))
        {
            return (UnitKind.FrontOrMassOrganisation, true);
        }

        if (Has("tổ dân phố") || Has("khu dân cư") || Starts("các thôn"))
        {
            return (UnitKind.ResidentialGroup, true);
        }

        if (Has("doanh nghiệp") || Has("tổ chức") || (Starts("các cơ quan") && Has("trên địa bàn")))
        {
            return (UnitKind.External, true);
        }

        // "Ban …" without "Đảng" is most often a body of the Party's committee; anything else is asked only (external).
        return Starts("ban ") ? (UnitKind.PartyBody, false) : (UnitKind.External, false);
    }

    /// <summary>
    /// A stable ASCII code from the name's initials ("Phòng Văn hóa - Xã hội" → "VHXH", "Ban xây dựng Đảng" → "BXDD"):
    /// a leading "Phòng" and the ward suffix are left out, abbreviations written in capitals are kept whole.
    /// </summary>
    public static string CodeOf(string name)
    {
        var words = Ascii(VietnameseText.Normalize(name))
            .Split([' ', '-', ',', '&', '.', '(', ')', '/', ';', ':'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && string.Equals(words[0], "Phong", StringComparison.Ordinal))
        {
            words.RemoveAt(0);
        }

        // the ward suffix ("… phường", "… xã") is not part of the body's initials
        while (words.Count > 1 && words[^1].ToLowerInvariant() is "phuong" or "xa")
        {
            words.RemoveAt(words.Count - 1);
        }

        var sb = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var lower = w.ToLowerInvariant();
            if (CodeStopWords.Contains(lower) && !(lower == "ban" && sb.Length == 0))
            {
                continue;
            }

            var capitals = w.Count(char.IsAsciiLetterUpper);
            sb.Append(capitals >= 2 && capitals == w.Count(char.IsAsciiLetter) ? w.Where(char.IsAsciiLetterOrDigit).ToArray() : [w[0]]);
        }

        var code = new string([.. sb.ToString().ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return code.Length == 0 ? "DV" : code.Length > 12 ? code[..12] : code;
    }

    // a literal as a match key ("đoàn" → "đòan"), keeping a trailing space
    private static string Key(string literal) => VietnameseText.MatchKey(literal) + (literal.EndsWith(' ') ? " " : string.Empty);

    /// <summary>The text without diacritics ("Đảng ủy" → "Dang uy").</summary>
    public static string Ascii(string text)
    {
        var decomposed = (text ?? string.Empty).Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            sb.Append(c);
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
