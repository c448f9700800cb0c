using System.Collections.Frozen;
using CertGrid.Domain.Notices.Email;

namespace CertGrid.Api.Notices.Email;

/// <summary>The unsubscribe page's own words, in the languages notice emails are written in.</summary>
public sealed record UnsubscribePageText(string Title, string Question, string Explained, string Button, string Done, string Invalid)
{
    private static readonly FrozenDictionary<string, UnsubscribePageText> Languages = new Dictionary<string, UnsubscribePageText>
    {
        ["en"] = new("Email preferences", "Stop emails about {0}?", "You will still see these notices when you sign in.", "Unsubscribe",
            "Done: you will no longer get emails about {0}.", "This link cannot be used"),
        ["fr"] = new("Préférences d'e-mail", "Ne plus recevoir d'e-mails sur {0} ?", "Vous verrez toujours ces avis en vous connectant.", "Se désabonner",
            "C'est fait : vous ne recevrez plus d'e-mails sur {0}.", "Ce lien ne peut pas être utilisé"),
    }.ToFrozenDictionary();

    /// <summary>The page in the email's language (<see cref="EmailText"/> picks from the reader's Accept-Language).</summary>
    public static (UnsubscribePageText Page, EmailText Email) For(IEnumerable<string> preferred)
    {
        var email = EmailText.For(preferred);
        return (Languages[email.Language], email);
    }
}
