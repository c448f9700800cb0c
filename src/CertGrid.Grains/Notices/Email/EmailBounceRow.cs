using CertGrid.Abstractions.Notices.Email;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Notices.Email;

/// <summary>A learner or evaluator whose address bounces, in the community's notice-emails table under <c>b|{personId}</c> (no address, no fingerprint).</summary>
public sealed class EmailBounceRow : ReadModelRow
{
    public const string Prefix = "b|";

    public DateTimeOffset At { get; set; }
    public string Reason { get; set; } = string.Empty;

    public static string KeyOf(string personId) => Prefix + personId;

    public static EmailBounceRow From(string community, EmailBounce bounce) => new()
    {
        PartitionKey = community, RowKey = KeyOf(bounce.PersonId), At = bounce.At, Reason = bounce.Reason,
    };

    public EmailBounce ToBounce() => new(RowKey[Prefix.Length..], At, Reason, string.Empty);
}
