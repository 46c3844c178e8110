using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;

namespace DanVan365.Core.Proposals;

/// <summary>
/// Proposal settings (section <see cref="SectionName"/>). The reviewer is the head of the aggregating unit (as in
/// escalation: this setting, else the decision's); the decider is the decision's signer (the directory person with role
/// "signer" whose name is the decision's signer, or <see cref="SignerEmail"/>) or one of <see cref="DeputyEmails"/>.
/// </summary>
public sealed class ProposalOptions
{
    public const string SectionName = "Proposals";

    /// <summary>Maximum length of the proposed text, the reason and the notes.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Code of the aggregating unit (Hải An: "VHXH"); null: the decision's.</summary>
    public string? AggregatingUnitCode { get; set; }

    /// <summary>The signer's address when the directory does not list the signer; null: from the directory.</summary>
    public string? SignerEmail { get; set; }

    /// <summary>Deputies who may decide in the signer's place.</summary>
    public List<string> DeputyEmails { get; set; } = [];

    /// <summary>Working days a proposal may wait for review or decision before the reviewer / decider is reminded.</summary>
    public int ReminderWorkingDays { get; set; } = 5;

    /// <summary>Throws <see cref="ConfigurationException"/> on unusable settings.</summary>
    public void Validate()
    {
        if (ReminderWorkingDays is < 1 or > 60)
        {
            throw new ConfigurationException($"{SectionName}:ReminderWorkingDays", "must be between 1 and 60.");
        }

        foreach (var address in DeputyEmails.Append(SignerEmail).Where(a => a is { Length: > 0 }))
        {
            if (!Recipient.TryCreate(address, null, out _))
            {
                throw new ConfigurationException($"{SectionName}", $"'{MailText.HeaderSafe(address)}' is not a usable e-mail address.");
            }
        }
    }
}
