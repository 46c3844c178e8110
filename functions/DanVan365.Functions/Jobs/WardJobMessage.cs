using System.Text.Json;
using System.Text.Json.Serialization;

namespace DanVan365.Functions.Jobs;

/// <summary>The jobs a timer fans out, one queue message per ward (by name in JSON: queue messages, HTTP answers).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WardJob>))]
public enum WardJob
{
    SyncCatalogue,
    PullPlannerProgress,
    IngestSubmissions,
    EscalateDeadlines,
    CompileRoundReport,
}

/// <summary>
/// A queue message: JSON <c>{"ward":"hai-an","job":"SyncCatalogue"}</c>. A job asked for over HTTP (SyncNow) also carries
/// <c>"id"</c> (32 hex digits: its outcome is recorded under it, <see cref="WardJobOutcomes"/>) and <c>"force"</c> (sync
/// the decision in use even when unchanged); both are left out when unset. A follow-up of a run that stopped at its
/// deadline carries <c>"continuation"</c> (1, 2, …: the runs of the job before it; left out on the first run).
/// </summary>
public sealed record WardJobMessage(
    [property: JsonPropertyName("ward")] string Ward,
    [property: JsonPropertyName("job")] WardJob Job,
    [property: JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonPropertyName("force"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Force = false,
    [property: JsonPropertyName("continuation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Continuation = 0)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses a message; a message that is not one throws <see cref="FormatException"/> (it goes to the poison queue).</summary>
    public static WardJobMessage Parse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<WardJobMessage>(text, Json);
            if (message is null || string.IsNullOrWhiteSpace(message.Ward) || !Enum.IsDefined(message.Job))
            {
                throw new FormatException("The message is not {\"ward\": \"…\", \"job\": \"…\"}.");
            }

            if (message.Id is not null && !WardJobOutcomes.IsJobId(message.Id))
            {
                throw new FormatException("The message's \"id\" is not 32 hexadecimal digits.");
            }

            if (message.Continuation < 0)
            {
                throw new FormatException("The message's \"continuation\" is negative.");
            }

            return message;
        }
        catch (JsonException ex)
        {
            throw new FormatException("The message is not valid JSON {\"ward\": \"…\", \"job\": \"…\"}.", ex);
        }
    }
}
