using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;
using Microsoft.Extensions.Options;

namespace DanVan365.M365.Composition;

/// <summary>
/// Validates <c>Escalation</c> at start: the ladder (<c>Escalation:Steps</c>: offsets unique and within a year, every
/// step with recipients), the signer's address, and that every holiday file exists and holds one year.
/// </summary>
public sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            HolidayFiles.Load(options.HolidayFiles, $"{EscalationOptions.SectionName}:{nameof(EscalationOptions.HolidayFiles)}");
            return ValidateOptionsResult.Success;
        }
        catch (ConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
