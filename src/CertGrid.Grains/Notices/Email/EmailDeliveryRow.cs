using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Notices.Email;

/// <summary>
/// What became of one notice email, in the community's notice-emails table under <c>m|{recipientId}|{emailId}</c>: sent (and
/// in which language), or skipped and why. It holds no address: erasing a learner deletes their rows by the prefix.
/// </summary>
public sealed class EmailDeliveryRow : ReadModelRow
{
    public const string Sent = "sent";

    public string EmailId { get; set; } = string.Empty;
    public string Topic { get; set; } = string.Empty;
    public string Outcome { get; set; } = string.Empty;
    public string? Language { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The rows of one recipient (a learner or an evaluator).</summary>
    public static string RecipientPrefix(string recipientId) => $"m|{recipientId}|";
}
