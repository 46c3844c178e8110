using System.Globalization;
using System.Text.Json.Nodes;
using DanVan365.LocalM365.Routing;

namespace DanVan365.LocalM365.Handlers;

/// <summary>Column schema of a list: normalising new columns, the system columns, finding a column and coercing values to its
/// type.</summary>
internal static partial class ListHandlers
{
    private static JsonNode Coerce(JsonObject column, JsonNode value, TimeZoneInfo siteZone)
    {
        var name = column.Str("name");
        string Bad(string kind) => $"Invalid value for field '{name}': {kind} expected.";
        if (column.ContainsKey("boolean"))
        {
            if (value is JsonValue b && b.TryGetValue<bool>(out var flag))
            {
                return flag;
            }

            if (value is JsonValue s && s.TryGetValue<string>(out var str) && (str is "1" or "0" || bool.TryParse(str, out _)))
            {
                return str is "1" || (bool.TryParse(str, out var parsed) && parsed);
            }

            throw GraphException.BadRequest(Bad("a boolean"));
        }

        if (column.ContainsKey("number") || column.ContainsKey("currency"))
        {
            if (value is JsonValue n && n.TryGetValue<double>(out var d))
            {
                return JsonValue.Create(d)!;
            }

            if (value is JsonValue s && s.TryGetValue<string>(out var str) && double.TryParse(str, NumberStyles.Float,
                CultureInfo.InvariantCulture, out var parsed))
            {
                return JsonValue.Create(parsed)!;
            }

            throw GraphException.BadRequest(Bad("a number"));
        }

        if (column.ContainsKey("dateTime"))
        {
            if (value is JsonValue s && s.TryGetValue<string>(out var str)
                && DateTimeOffset.TryParse(str, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt))
            {
                return column.Obj("dateTime")?.Str("format") == "dateOnly" ? SiteMidnight(dt, siteZone) : GraphJson.Timestamp(dt);
            }

            throw GraphException.BadRequest(Bad("a date and time"));
        }

        if (column.ContainsKey("text") || column.ContainsKey("choice"))
        {
            if (value is JsonValue s)
            {
                return s.TryGetValue<string>(out var str) ? str : s.ToJsonString();
            }

            throw GraphException.BadRequest(Bad("text"));
        }

        return value.DeepClone();
    }

    /// <summary>
    /// A date-only column keeps the site's local date (the site's regional settings: docs repo
    /// api-reference/beta/resources/sitesettings.md, timeZone) and Graph returns it as a dateTimeOffset
    /// (api-reference/v1.0/resources/datetimecolumn.md, format dateOnly): the UTC instant of that local midnight, so
    /// 14/09 on an ICT site comes back as 2026-09-13T17:00:00Z. The instant written is taken to the site's day first.
    /// </summary>
    public static string SiteMidnight(DateTimeOffset written, TimeZoneInfo siteZone)
    {
        var day = TimeZoneInfo.ConvertTime(written, siteZone).Date;
        return GraphJson.Timestamp(new DateTimeOffset(day, siteZone.GetUtcOffset(day)));
    }

    private static JsonObject NormaliseColumn(JsonObject input)
    {
        var column = input.CloneObj();
        var name = column.Str("name") ?? column.Str("displayName") ?? throw GraphException.BadRequest("A column needs a name.");
        column["name"] = name;
        column["id"] ??= Ids.NewGuid();
        column["displayName"] ??= name;
        column["description"] ??= string.Empty;
        column["columnGroup"] ??= "Custom Columns";
        foreach (var flag in new[] { "hidden", "indexed", "enforceUniqueValues", "required", "readOnly" })
        {
            column[flag] = column[flag] is JsonValue v && v.GetValue<bool>();
        }

        if (column["enforceUniqueValues"]!.GetValue<bool>())
        {
            // SharePoint indexes a column when it is made unique.
            column["indexed"] = true;
        }

        if (!new[] { "text", "choice", "dateTime", "number", "boolean", "currency", "personOrGroup", "lookup", "hyperlinkOrPicture",
            "calculated" }.Any(column.ContainsKey))
        {
            column["text"] = new JsonObject();
        }

        if (column.Obj("text") is { } text)
        {
            TextDefaults(text);
        }

        return column;
    }

    /// <summary>
    /// Applies a column update (api-reference/v1.0/api/columndefinition-update.md): every property but id may change. Strict
    /// where the page is silent: a read-only system column is refused, and a name another column has is a conflict.
    /// </summary>
    private static void UpdateColumn(JsonObject list, JsonObject column, JsonObject body)
    {
        if (body.ContainsKey("id"))
        {
            throw GraphException.BadRequest("The id of a column cannot be updated.");
        }

        if (column["readOnly"] is JsonValue r && r.GetValue<bool>())
        {
            throw GraphException.BadRequest($"Column '{column.Str("name")}' is read-only.");
        }

        if (body.Str("name") is { } name && FindColumn(list, name) is { } other && !ReferenceEquals(other, column))
        {
            throw new GraphException(System.Net.HttpStatusCode.Conflict, "nameAlreadyExists",
                $"A duplicate field name \"{name}\" was found.");
        }

        foreach (var (property, value) in body)
        {
            if (!property.StartsWith('@') && !property.StartsWith('_'))
            {
                column[property] = value?.DeepClone();
            }
        }
    }

    private static IEnumerable<JsonObject> SystemColumns(bool library)
    {
        static JsonObject Sys(string name, string displayName, string type, bool readOnly, bool indexed = false)
        {
            var column = new JsonObject
            {
                ["id"] = Ids.FromName("column:" + name),
                ["name"] = name,
                ["displayName"] = displayName,
                ["description"] = string.Empty,
                ["columnGroup"] = "Custom Columns",
                ["hidden"] = false,
                ["indexed"] = indexed,
                ["enforceUniqueValues"] = false,
                ["required"] = false,
                ["readOnly"] = readOnly,
            };
            column[type] = type == "text" ? TextDefaults(new JsonObject()) : new JsonObject();
            return column;
        }

        if (library)
        {
            yield return Sys("FileLeafRef", "Name", "text", readOnly: false);
        }

        yield return Sys("Title", "Title", "text", readOnly: false);
        yield return Sys("ID", "ID", "number", readOnly: true, indexed: true);
        yield return Sys("ContentType", "Content Type", "text", readOnly: true);
        yield return Sys("Modified", "Modified", "dateTime", readOnly: true);
        yield return Sys("Created", "Created", "dateTime", readOnly: true);
    }

    /// <summary>
    /// The textColumn facet with every property (resources/textcolumn.md), defaults as list-list-columns.md's example shows
    /// them: one line, no appending, 0 lines for editing, 255 characters.
    /// </summary>
    private static JsonObject TextDefaults(JsonObject text)
    {
        text["allowMultipleLines"] = text["allowMultipleLines"] is JsonValue m && m.GetValue<bool>();
        text["appendChangesToExistingText"] = text["appendChangesToExistingText"] is JsonValue a && a.GetValue<bool>();
        text["linesForEditing"] ??= 0;
        text["maxLength"] ??= 255;
        return text;
    }

    private static IEnumerable<JsonObject> Columns(JsonObject list) => ((JsonArray)list["_columns"]!).Cast<JsonObject>();

    /// <summary>The column with exactly this name, else the first whose name differs only in case.</summary>
    private static JsonObject? FindColumn(JsonObject list, string name)
    {
        JsonObject? ignoringCase = null;
        foreach (var column in Columns(list))
        {
            var columnName = column.Str("name");
            if (columnName == name)
            {
                return column;
            }

            if (ignoringCase is null && string.Equals(columnName, name, StringComparison.OrdinalIgnoreCase))
            {
                ignoringCase = column;
            }
        }

        return ignoringCase;
    }

    private static bool IsHidden(JsonObject column) => column["hidden"] is JsonValue v && v.GetValue<bool>();

    /// <summary>
    /// The columns a listing shows: "By default, columnDefinitions ... for hidden columns aren't shown. To list hidden
    /// columnDefinitions, include hidden in your $select statement" (docs repo: api-reference/v1.0/resources/columndefinition.md).
    /// </summary>
    private static IEnumerable<JsonObject> ListedColumns(JsonObject list, string? select) =>
        (select ?? string.Empty).Split(',', StringSplitOptions.TrimEntries).Contains("hidden", StringComparer.OrdinalIgnoreCase)
            ? Columns(list)
            : Columns(list).Where(c => !IsHidden(c));

    private static bool IsIndexed(JsonObject column) => column["indexed"] is JsonValue v && v.GetValue<bool>();
}
