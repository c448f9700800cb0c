using System.ComponentModel.DataAnnotations;
using System.Text;

namespace CertGrid.Abstractions.Notices.Email;

/// <summary>
/// How notices reach people by email (section <c>Email</c>). Without <see cref="SmtpHost"/> no email is sent (notices
/// still reach the in-app feed and webhooks); with it, <see cref="FromAddress"/> and <see cref="LinkKey"/> are required.
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string SectionName = "Email";
    public const int MinLinkKeyLength = 32;

    /// <summary>The SMTP relay (maildev locally, Azure Communication Services or any relay in production); empty turns email off.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535, ErrorMessage = "Email:SmtpPort must be a TCP port (1-65535).")]
    public int SmtpPort { get; set; } = 587;

    /// <summary><c>Auto</c> (STARTTLS when the relay offers it), <c>StartTls</c> (required), <c>Tls</c> (implicit, port 465) or <c>None</c>.</summary>
    [RegularExpression("^(Auto|StartTls|Tls|None)$", ErrorMessage = "Email:Security must be Auto, StartTls, Tls or None.")]
    public string Security { get; set; } = "Auto";

    /// <summary>The relay's user name and password (a secret), when it asks to authenticate.</summary>
    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The sender's address, e.g. <c>notices@certgrid.example</c>; its domain also names the messages' ids.</summary>
    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "CertGrid";

    /// <summary>The secret (at least 32 characters) that signs unsubscribe links; changing it invalidates links already sent.</summary>
    public string? LinkKey { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Email:Timeout must be between 1 second and 5 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);

    public byte[] LinkKeyBytes => Encoding.UTF8.GetBytes(LinkKey ?? string.Empty);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(FromAddress) || !FromAddress.Contains('@', StringComparison.Ordinal))
        {
            yield return new ValidationResult("Email:FromAddress is required when Email:SmtpHost is set (for example notices@certgrid.example).", [nameof(FromAddress)]);
        }

        if ((LinkKey ?? string.Empty).Length < MinLinkKeyLength)
        {
            yield return new ValidationResult($"Email:LinkKey must be a secret of at least {MinLinkKeyLength} characters when Email:SmtpHost is set (it signs unsubscribe links).", [nameof(LinkKey)]);
        }
    }
}
