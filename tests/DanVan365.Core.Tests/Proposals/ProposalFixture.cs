using DanVan365.Core.Catalogue;
using DanVan365.Core.Proposals;
using DanVan365.Core.Time;
using DanVan365.Core.Units;
using DanVan365.TestUtilities.Builders;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Core.Tests.Proposals;

/// <summary>
/// The sample catalogue (QĐ 673-like: 1.2 led by all offices until 14/02/2026, 2.4 led by VHXH until 31/03/2026 and
/// coordinated by VP, 3.5.b led by VHXH, 1.1 ongoing, 3.5 a heading), a directory with heads, assignees and the signer.
/// Today is Monday 02/03/2026 in the ward unless a test moves the clock.
/// </summary>
internal sealed class ProposalFixture
{
    public const string VpHead = "vp.head@haian.example.vn";
    public const string VpAssignee = "vp.a@haian.example.vn";
    public const string VhxhHead = "vhxh.head@haian.example.vn";
    public const string VhxhAssignee = "vhxh.a@haian.example.vn";
    public const string KtAssignee = "kt.a@haian.example.vn";
    public const string Signer = "ubnd.pct@haian.example.vn";
    public const string Deputy = "ubnd.ct@haian.example.vn";
    public const string Stranger = "nguoi.ngoai@example.com";

    public ProposalFixture(ProposalOptions? options = null, DateOnly? today = null, UnitDirectory? units = null)
    {
        Catalogue = ReportCatalogueBuilder.Sample();
        Units = units ?? Directory();
        Options = options ?? new ProposalOptions { DeputyEmails = [Deputy] };
        Clock = new FakeTimeProvider(new DateTimeOffset((today ?? D(3, 2)).ToDateTime(new TimeOnly(9, 0)), WardTime.Offset));
        Authority = new ProposalAuthority(Units, Catalogue.Decision, Options);
        Workflow = new ProposalWorkflow(Catalogue, Authority, Clock);
    }

    public TaskCatalogue Catalogue { get; }

    public UnitDirectory Units { get; }

    public ProposalOptions Options { get; }

    public FakeTimeProvider Clock { get; }

    public ProposalAuthority Authority { get; }

    public ProposalWorkflow Workflow { get; }

    public static DateOnly D(int month, int day) => new(2026, month, day);

    public static UnitDirectory Directory()
    {
        Unit U(string code, string name, string head, params string[] assignees) => new(code, name, [], UnitKind.Office, head, assignees);
        var units = new[]
        {
            U("VP", "Văn phòng HĐND và UBND phường", VpHead, VpAssignee),
            U("VHXH", "Phòng Văn hóa - Xã hội", VhxhHead, VhxhAssignee),
            U("KTHTDT", "Phòng Kinh tế, Hạ tầng và Đô thị", "kt.head@haian.example.vn", KtAssignee),
            U("TTDVSNC", "Trung tâm dịch vụ sự nghiệp công", "ttdv.head@haian.example.vn"),
            U("BXDD", "Ban Xây dựng Đảng", "bxdd.head@haian.example.vn"),
            U("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "mttq.head@haian.example.vn"),
        };
        var people = new[]
        {
            new Person(VhxhHead, "Phạm Thị Hồng", "VHXH", "head", "Trưởng phòng Văn hóa - Xã hội"),
            new Person(Signer, "Bùi Quang Ngân", null, "signer", "Phó Chủ tịch Ủy ban nhân dân phường"),
            new Person(Deputy, "Lê Văn Chủ", null, "deputy", "Chủ tịch Ủy ban nhân dân phường"),
        };
        return new UnitDirectory(units, [], PhraseRules.Default, people);
    }

    /// <summary>A proposal as recorded, for tests that start from a given state.</summary>
    public static Proposal Recorded(string id, string unit, string? task, ProposalKind kind, ProposalState state,
        DateOnly? lastDay = null, string? text = null, DateOnly? proposedOn = null) =>
        new(id, unit, task, kind, text, lastDay, "Lý do thử nghiệm", VhxhAssignee, proposedOn ?? D(3, 2), state);

    public static Proposal Approved(string id, string unit, string task, DateOnly lastDay, DateOnly decidedOn) =>
        Recorded(id, unit, task, ProposalKind.Extend, ProposalState.Approved, lastDay) with { DecidedBy = Signer, DecidedOn = decidedOn };

    public ProposalOutcome Propose(string actor, string unit, string? task, string kind, string? text = null, string? lastDay = null,
        string? reason = "Cần thêm thời gian do chờ hướng dẫn của thành phố.", IReadOnlyList<Proposal>? existing = null) =>
        Workflow.Propose(new ProposalRequest(unit, task, kind, text, lastDay, reason), actor, existing ?? []);
}
