using CertGrid.Abstractions.Evaluators;
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

    /// <summary>Stops the topic's emails to the person; NOT_FOUND if the learner is no longer enrolled (or was erased) or the evaluator is unknown.</summary>
    public async Task<UnsubscribeToken> UnsubscribeAsync(string? token)
    {
        var named = Read(token);
        var evaluator = EmailAudiences.Of(named.PersonId) == EmailAudience.Evaluators;
        if (!CommunityId.IsValid(named.Community) || !await StillThereAsync(named.Community, named.PersonId, evaluator))
        {
            throw CertGridException.NotFound(evaluator ? "Evaluator" : "Learner", named.PersonId);
        }

        await grains.EmailPreferences(named.Community, named.PersonId)
            .UnsubscribeAsync(named.Topic, evaluator ? Actors.Evaluator(named.PersonId) : Actors.Learner(named.PersonId));
        return named;
    }

    private async Task<bool> StillThereAsync(string community, string personId, bool evaluator) => evaluator
        ? await grains.Evaluator(community, personId).FindAsync() is not null
        : await grains.Learner(community, personId).FindAsync() is { Email.Length: > 0 };
}
