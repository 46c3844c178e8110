using DanVan365.Core.Errors;
using DanVan365.Core.Escalation;
using Microsoft.Extensions.Options;

namespace DanVan365.M365.Composition;

/// <summary>
/// Validates <c>Escalation</c> at start: the ladder (<c>Escalation:Steps</c>: offsets unique and within a year, every
/// step with recipients), the courtesy reminder to requested units (<c>Escalation:Courtesy:OffsetDays</c> on or before the
/// last day, within a year), the signer's address, and no blank holiday file name. The holiday files themselves are read
/// where the ward is assembled (<see cref="HolidayFiles.Load"/>), against that program's folder.
/// </summary>
public sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            if (options.HolidayFiles.Any(string.IsNullOrWhiteSpace))
            {
                return ValidateOptionsResult.Fail(
                    $"Setting '{EscalationOptions.SectionName}:{nameof(EscalationOptions.HolidayFiles)}': a file name is blank.");
            }

            return ValidateOptionsResult.Success;
        }
        catch (ConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
