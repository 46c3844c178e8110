namespace DanVan365.TestUtilities;

/// <summary>
/// People of the bundled Hải An unit directory (Core/Defaults/HaiAn/units.json) who play the proposal roles in tests: an
/// assignee of Văn phòng, the head of Phòng Văn hóa - Xã hội (the reviewer) and the decision's signer (the decider).
/// </summary>
public static class HaiAnPeople
{
    /// <summary>An assignee of Văn phòng HĐND và UBND phường (VP).</summary>
    public const string VpAssignee = "tran.thi.lan@haian.example.vn";

    /// <summary>The head of Phòng Văn hóa - Xã hội: the aggregating unit, the proposals' reviewer.</summary>
    public const string VhxhHead = "vhxh.truong@haian.example.vn";

    /// <summary>The reviewer of adjustment proposals (the head of Phòng Văn hóa - Xã hội).</summary>
    public const string Reviewer = VhxhHead;

    /// <summary>The signer of the decision, who decides proposals.</summary>
    public const string Signer = "ubnd.pct.ngan@haian.example.vn";
}
