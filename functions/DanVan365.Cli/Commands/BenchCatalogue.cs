using System.Globalization;
using DanVan365.Core.Catalogue;

namespace DanVan365.Cli.Commands;

/// <summary>Catalogues larger than the bundled decision, for benchmarks.</summary>
internal static class BenchCatalogue
{
    /// <summary>
    /// The bundled catalogue grown to <paramref name="workItems"/> work items: its own entries, then copies of its work
    /// items in turn (same section, units and time frame; a new code "section.(100+n)" and the title marked as a copy).
    /// </summary>
    public static TaskCatalogue Grow(TaskCatalogue catalogue, int workItems)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var templates = catalogue.WorkItems.ToList();
        var tasks = catalogue.Tasks.ToList();
        for (var n = 0; n < workItems - templates.Count; n++)
        {
            var template = templates[n % templates.Count];
            tasks.Add(template with
            {
                Code = string.Create(CultureInfo.InvariantCulture, $"{template.Section}.{100 + n}"),
                Parent = null,
                Title = string.Create(CultureInfo.InvariantCulture, $"{template.Title} (bản sao {n + 1})"),
            });
        }

        return catalogue with { Tasks = tasks };
    }
}
