using DanVan365.Core.Sync;
using Microsoft.Graph.Models;
using CoreColumn = DanVan365.Core.Sync.ColumnDefinition;
using GraphColumn = Microsoft.Graph.Models.ColumnDefinition;

namespace DanVan365.M365.Lists;

/// <summary>Core column definitions ↔ Graph columnDefinition resources and field values.</summary>
public static class ColumnMapping
{
    // https://learn.microsoft.com/graph/api/resources/columndefinition
    public static GraphColumn ToGraph(CoreColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var graph = new GraphColumn
        {
            Name = column.Name,
            DisplayName = column.DisplayName,
            Indexed = column.Indexed || column.Unique,
            EnforceUniqueValues = column.Unique,
            Hidden = column.Hidden,
        };
        switch (column.Type)
        {
            case ColumnType.Text:
                graph.Text = new TextColumn { MaxLength = 255 };
                break;
            case ColumnType.MultiLineText:
                graph.Text = new TextColumn { AllowMultipleLines = true, LinesForEditing = 6, TextType = "plain" };
                break;
            case ColumnType.Choice:
                graph.Choice = new ChoiceColumn { Choices = [.. column.Choices ?? []], AllowTextEntry = false, DisplayAs = "dropDownMenu" };
                break;
            case ColumnType.DateOnly:
                graph.DateTime = new DateTimeColumn { Format = "dateOnly", DisplayAs = "standard" };
                break;
            case ColumnType.Number:
                graph.Number = new NumberColumn { DecimalPlaces = "none" };
                break;
            case ColumnType.Boolean:
                graph.Boolean = new BooleanColumn();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(column), column.Type, null);
        }

        return graph;
    }

    /// <summary>A canonical value (see <see cref="FieldValues"/>) as the JSON value a list item field takes.</summary>
    public static object? ToGraphValue(ColumnType type, string? value, SiteDates dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return value is null
            ? null
            : type switch
            {
                ColumnType.Boolean => value == "true",
                ColumnType.Number => double.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
                // A date-only column holds the site's local date: sent as the UTC instant of the site's midnight.
                ColumnType.DateOnly => dates.ToGraph(value),
                _ => value,
            };
    }

    /// <summary>
    /// A row's canonical values as the fields of a listItem create or update (a null clears the column on an update).
    /// </summary>
    public static Dictionary<string, object> ToGraphFields(ListDefinition list, IReadOnlyDictionary<string, string?> fields,
        SiteDates dates)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.ToDictionary(f => f.Key, f => ToGraphValue(TypeOf(list, f.Key), f.Value, dates)!, StringComparer.Ordinal);
    }

    /// <summary>A field value Graph returned (already a string), canonical for the column's type (dates in the site's zone).</summary>
    public static string? FromGraphValue(ColumnType type, string? raw, SiteDates dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return type == ColumnType.DateOnly ? dates.FromGraph(raw) : FieldValues.Canonical(type, raw);
    }

    /// <summary>The type of a field of a list (Title is text).</summary>
    public static ColumnType TypeOf(ListDefinition list, string name) =>
        name == SiteSchema.Title ? ColumnType.Text : list.Column(name).Type;
}
