using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DanVan365.TestUtilities.M365;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace DanVan365.M365.Tests.Contracts;

/// <summary>
/// The documented examples (Contracts/Examples, page named in its README) and the comparison of the local Graph's answer
/// with them: every property of the documented response exists in the local answer with the same JSON kind.
/// </summary>
internal static class ContractShapes
{
    public static string Example(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", "Examples", name));

    /// <summary>The documented response read as the adapter reads it: by the Graph SDK's (Kiota's) JSON parsing.</summary>
    public static Task<T?> DeserializeAsync<T>(string json, ParsableFactory<T> factory)
        where T : IParsable
    {
        ApiClientBuilder.RegisterDefaultDeserializer<JsonParseNodeFactory>();
        return KiotaJsonSerializer.DeserializeAsync(json, factory);
    }

    public static JsonElement ExampleJson(string name) => JsonDocument.Parse(Example(name)).RootElement.Clone();

    /// <summary>One raw request to the local Graph (the documented example request, with ids of the local tenant).</summary>
    public static async Task<(int Status, JsonElement Body, HttpResponseHeaders Headers)> SendAsync(WardHarness ward, HttpMethod method,
        string path, string? json = null, params (string Name, string Value)[] headers) =>
        await SendAsync(ward, method, path, json, "application/json", headers);

    public static async Task<(int Status, JsonElement Body, HttpResponseHeaders Headers)> SendAsync(WardHarness ward, HttpMethod method,
        string path, string? content, string contentType, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(method, ward.Server.BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "local");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (content is not null)
        {
            request.Content = new StringContent(content, Encoding.UTF8, contentType);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, body, response.Headers);
    }

    /// <summary>
    /// Every property of <paramref name="documented"/> (recursively; arrays by their first element) is in
    /// <paramref name="local"/> with the same JSON kind. Properties named in <paramref name="maps"/> are open maps (keys
    /// are ids or column names): their values are compared with the documented first value. A documented null matches
    /// anything. <paramref name="absent"/> names documented properties the local Graph leaves out, each with its reason in
    /// the caller.
    /// </summary>
    public static void AssertSameShape(JsonElement documented, JsonElement local, string[]? maps = null, string[]? absent = null)
    {
        var problems = new List<string>();
        Compare(documented, local, "$", maps ?? [], absent ?? [], problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\nlocal answer: " + local.GetRawText());
    }

    private static void Compare(JsonElement documented, JsonElement local, string path, string[] maps, string[] absent,
        List<string> problems)
    {
        if (documented.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (!SameKind(documented.ValueKind, local.ValueKind))
        {
            problems.Add($"{path}: documented {documented.ValueKind}, local {local.ValueKind}");
            return;
        }

        if (documented.ValueKind == JsonValueKind.Array)
        {
            var first = documented.EnumerateArray().FirstOrDefault();
            if (first.ValueKind != JsonValueKind.Undefined)
            {
                foreach (var item in local.EnumerateArray())
                {
                    Compare(first, item, path + "[]", maps, absent, problems);
                }
            }

            return;
        }

        if (documented.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in documented.EnumerateObject())
        {
            var name = property.Name;
            if (absent.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            if (!local.TryGetProperty(name, out var actual))
            {
                problems.Add($"{path}.{name}: missing in the local answer");
                continue;
            }

            if (maps.Contains(name, StringComparer.Ordinal) && property.Value.ValueKind == JsonValueKind.Object)
            {
                var sample = property.Value.EnumerateObject().FirstOrDefault(p => p.Value.ValueKind != JsonValueKind.Null).Value;
                foreach (var entry in actual.EnumerateObject().Where(e => e.Value.ValueKind != JsonValueKind.Null))
                {
                    if (sample.ValueKind != JsonValueKind.Undefined)
                    {
                        Compare(sample, entry.Value, $"{path}.{name}.{entry.Name}", maps, absent, problems);
                    }
                }

                continue;
            }

            Compare(property.Value, actual, path + "." + name, maps, absent, problems);
        }
    }

    private static bool SameKind(JsonValueKind documented, JsonValueKind local) =>
        documented == local || (documented is JsonValueKind.True or JsonValueKind.False
            && local is JsonValueKind.True or JsonValueKind.False);
}
