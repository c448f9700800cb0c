using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Identity;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Access;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Identity;

/// <summary>
/// One person's sign-in identity in a community. Linked once per role, then every sign-in in that role is a read:
/// an invitation for the verified email wins, otherwise the one learner or evaluator enrolled with that verified email.
/// An unverified email links nothing: anyone can type an address into a provider's profile.
/// </summary>
public sealed class MemberIdentityGrain(
    [PersistentState("memberidentity", StorageNames.GrainStore)] IPersistentState<MemberIdentityState> state)
    : DurableGrain<MemberIdentityState>(state), IMemberIdentityGrain
{
    /// <summary>Sign-ins count as the learner's activity to the day: signing in all day costs one write.</summary>
    private static readonly TimeSpan ActivityPrecision = TimeSpan.FromDays(1);

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task<SignedInMember> SignInAsync(ExternalSignIn signIn)
    {
        if (State.Links.TryGetValue(signIn.Role, out var linked))
        {
            if (signIn.Role == Role.Learner && linked is not null && !(Now - State.LearnerActivityAt < ActivityPrecision))
            {
                // Also (again: idempotent) tells the learner this identity is theirs, so one linked before learners kept
                // their identities is unlinked by their erasure too once they sign in again.
                Cause(new RecordLearnerIdentity(linked, Key.Id));
                CountLearnerActivity(linked);
                await SaveAsync();
            }

            return new SignedInMember(signIn.Role, linked, Key.Id);
        }

        var subjectId = signIn.Role switch
        {
            Role.CommunityAdmin => null,
            Role.Learner or Role.Evaluator => await FindMemberAsync(signIn),
            _ => throw NotLinked("partners sign in with partner keys, not through the community's provider"),
        };

        State.Issuer = signIn.Issuer;
        State.Subject = signIn.Subject;
        State.Links[signIn.Role] = subjectId;
        if (signIn.Role == Role.Learner && subjectId is not null)
        {
            Cause(new RecordLearnerIdentity(subjectId, Key.Id));
            CountLearnerActivity(subjectId);
        }

        await SaveAsync(AuditEvent(Actors.System, "identity.linked", subjectId ?? Key.Id, new
        {
            identity = Key.Id, signIn.Issuer, signIn.Subject, signIn.Email, role = signIn.Role.ToString(),
        }));
        return new SignedInMember(signIn.Role, subjectId, Key.Id);
    }

    public async Task ForgetLearnerAsync(string learnerId)
    {
        if (!State.Links.TryGetValue(Role.Learner, out var linked) || linked != learnerId)
        {
            return;
        }

        State.Links.Remove(Role.Learner);
        State.LearnerActivityAt = null;
        if (State.Links.Count == 0)
        {
            State.Issuer = string.Empty;
            State.Subject = string.Empty;
        }

        ForgetStoredAnswers();
        await SaveAsync(AuditEvent(Actors.System, "identity.unlinked", learnerId, new { identity = Key.Id, reason = "the learner was erased" }));
    }

    /// <summary>A sign-in as the learner counts as their activity for the retention policy, at most once a day.</summary>
    private void CountLearnerActivity(string learnerId)
    {
        State.LearnerActivityAt = Now;
        Cause(new Privacy.RecordLearnerActivity(learnerId));
    }

    private async Task<string> FindMemberAsync(ExternalSignIn signIn)
    {
        if (signIn.Email is not { Length: > 0 } email || !signIn.EmailVerified)
        {
            throw NotLinked("the provider did not vouch for an email address (email_verified); ask an admin to invite you, and verify your email at the provider");
        }

        email = email.ToLowerInvariant();
        var invitation = await GrainFactory.IdentityProvider(Community).FindInvitationAsync(email);
        if (invitation is not null && invitation.Role == signIn.Role)
        {
            return invitation.SubjectId;
        }

        var matches = signIn.Role == Role.Learner
            ? (await GrainFactory.GetGrain<ILearnerDirectoryGrain>(Community).FindByEmailAsync(email)).Select(l => l.Id).ToList()
            : (await GrainFactory.GetGrain<IEvaluatorPoolGrain>(Community).ListAsync())
                .Where(e => string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase)).Select(e => e.Id).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw NotLinked($"no {Describe(signIn.Role)} of this community is enrolled with {email}; ask an admin to enrol or invite you"),
            _ => throw NotLinked($"{matches.Count} {Describe(signIn.Role)}s of this community share {email}; ask an admin to invite you as one of them"),
        };
    }

    private static string Describe(Role role) => role == Role.Learner ? "learner" : "evaluator";

    private static CertGridException NotLinked(string why) =>
        new(ErrorCode.Unauthenticated, $"You signed in with your community's identity provider, but CertGrid cannot tell who you are here: {why}.");
}
