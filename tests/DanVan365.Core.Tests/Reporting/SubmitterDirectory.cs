using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>
/// A two-unit directory for the "who may submit" rule (<see cref="Core.Reporting.ReportSubmitters"/>) and the library upload
/// path built on it: each unit's head and assignee and the signer, with their object ids.
/// </summary>
internal static class SubmitterDirectory
{
    public const string VhxhHead = "39bf89d8-f4a4-551c-9ff8-c6f1f6c5973d";
    public const string VhxhAssignee = "39970e27-323a-536f-89a4-2638099632b7";
    public const string VpHead = "7c118239-c5d0-563a-b4ad-251375f58bca";
    public const string VpAssignee = "c664e2bc-8dc2-5dd9-ad1c-bc34ec8490a8";
    public const string Signer = "c9852613-62e7-5780-a738-d84ef610b66a";

    public static UnitDirectory Units { get; } = new(
        [
            new Unit("VP", "Văn phòng HĐND và UBND phường", [], UnitKind.Office, "vp.truong@x.vn", ["lan@x.vn"]),
            new Unit("VHXH", "Phòng Văn hóa - Xã hội", [], UnitKind.Office, "vhxh.truong@x.vn", ["nam@x.vn"]),
        ],
        [],
        PhraseRules.Default,
        [
            new Person("vp.truong@x.vn", "Nguyễn Văn Hùng", "VP", PersonRoles.Head, "Chánh Văn phòng", VpHead),
            new Person("lan@x.vn", "Trần Thị Lan", "VP", PersonRoles.Assignee, "Chuyên viên", VpAssignee),
            new Person("vhxh.truong@x.vn", "Phạm Thị Hồng", "VHXH", PersonRoles.Head, "Trưởng phòng", VhxhHead),
            new Person("nam@x.vn", "Đỗ Văn Nam", "VHXH", PersonRoles.Assignee, "Chuyên viên", VhxhAssignee),
            new Person("pct@x.vn", "Bùi Quang Ngân", null, PersonRoles.Signer, "Phó Chủ tịch", Signer),
        ]);
}
