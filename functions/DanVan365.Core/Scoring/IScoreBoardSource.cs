using DanVan365.Core.Catalogue;

namespace DanVan365.Core.Scoring;

/// <summary>
/// Port: the scoring table of a decision's year as the scoring workflow keeps it (docs/architecture.md "The year-end review":
/// the year-end report's appendix "Kết quả chấm điểm, xếp loại"); implemented by <see cref="Wards.WardScoring"/>.
/// </summary>
public interface IScoreBoardSource
{
    /// <summary>One row per unit (assigned units first, then requested ones), computed beside proposed, appraised and final.</summary>
    Task<IReadOnlyList<ScoreBoardRow>> ReadAsync(TaskCatalogue catalogue, CancellationToken cancellationToken);
}
