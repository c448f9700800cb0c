using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Learners;

namespace CertGrid.Grains.Privacy;

/// <summary>What of an attempt's or appeal's records stays once the assessed learner is erased: ids, versions, scores and levels, without the words.</summary>
public static class ErasureRedaction
{
    /// <summary>Evidence without its titles and file names (the artifact id, version and hash stay).</summary>
    public static List<EvidenceRef> Evidence(IEnumerable<EvidenceRef> evidence) =>
        evidence.Select(e => e with { Title = string.Empty, Version = e.Version with { FileName = string.Empty } }).ToList();

    /// <summary>Reviews without the reviewers' notes about the learner (per criterion and overall); levels and scores stay.</summary>
    public static List<Review> Reviews(IEnumerable<Review> reviews) =>
        reviews.Select(r => r with { OverallNote = null, Scores = r.Scores.Select(s => s with { Note = null }).ToList() }).ToList();
}
