using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Notices.Email;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Notices.Email;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.Notices.Email;

/// <summary>
/// Follows an unsubscribe link, for the GraphQL mutation and the one-click HTTP endpoint alike: the signed token is the
/// only authority (no key), and it can stop only the emails of the one person and topic it names.
/// </summary>
public sealed class EmailUnsubscriber(IGrainFactory grains, IOptions<EmailOptions> options)
{
    /// <summary>The person and topic a token names; VALIDATION_FAILED (field <c>token</c>) for a token we did not sign.</summary>
    public UnsubscribeToken Read(string? token)
    {
        var settings = options.Value;
        if ((settings.LinkKey ?? string.Empty).Length < EmailOptions.MinLinkKeyLength)
        {
            throw CertGridException.Invalid(UnsubscribeToken.Field, "This deployment sends no email, so it has no unsubscribe links to follow.");
        }

        return UnsubscribeToken.Read(settings.LinkKeyBytes, token);
    }

    /// <summary>Stops the topic's emails to the person; NOT_FOUND if they are no longer enrolled (or were erased).</summary>
    public async Task<UnsubscribeToken> UnsubscribeAsync(string? token)
    {
        var named = Read(token);
        if (!CommunityId.IsValid(named.Community) || await grains.Learner(named.Community, named.LearnerId).FindAsync() is not { Email.Length: > 0 })
        {
            throw CertGridException.NotFound("Learner", named.LearnerId);
        }

        await grains.EmailPreferences(named.Community, named.LearnerId).UnsubscribeAsync(named.Topic, Actors.Learner(named.LearnerId));
        return named;
    }
}
