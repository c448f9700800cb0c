using CertGrid.Abstractions.Notices.Email;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Notices.Email;

/// <summary>A learner whose address bounces, in the community's notice-emails table under <c>b|{learnerId}</c> (no address, no fingerprint).</summary>
public sealed class EmailBounceRow : ReadModelRow
{
    public const string Prefix = "b|";

    public string LearnerId { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
    public string Reason { get; set; } = string.Empty;

    public static string KeyOf(string learnerId) => Prefix + learnerId;

    public static EmailBounceRow From(string community, EmailBounce bounce) => new()
    {
        PartitionKey = community, RowKey = KeyOf(bounce.LearnerId), LearnerId = bounce.LearnerId, At = bounce.At, Reason = bounce.Reason,
    };

    public EmailBounce ToBounce() => new(LearnerId, At, Reason, string.Empty);
}
