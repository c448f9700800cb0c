using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Identity;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Access;
using CertGrid.Domain.Identity;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Identity;

/// <summary>
/// A community's identity provider and invitations. Configuring reserves the (issuer, audience) pair for the community
/// before anything changes, so two communities can never accept the same tokens; the previous pair is released as an effect.
/// </summary>
public sealed class IdentityProviderGrain(
    [PersistentState("identityprovider", StorageNames.GrainStore)] IPersistentState<IdentityProviderState> state)
    : DurableGrain<IdentityProviderState>(state), IIdentityProviderGrain
{
    /// <summary>Open invitations a community may hold at once; a bigger roster is imported, not invited one by one.</summary>
    public const int MaxInvitations = 5000;

    protected override string Community => this.GetPrimaryKeyString();

    public async Task<IdentityProviderSettings> ConfigureAsync(IdentityProviderSettings settings, string actor)
    {
        var checkedSettings = IdentityProviderRules.Check(settings);
        await GrainFactory.IdentityIssuer(checkedSettings.Issuer).ClaimAsync(checkedSettings.Audience, Community);

        var previous = State.Settings;
        if (previous is not null && (previous.Issuer != checkedSettings.Issuer || previous.Audience != checkedSettings.Audience))
        {
            Cause(new ReleaseIssuerAudience(previous.Issuer, previous.Audience));
        }

        State.Settings = checkedSettings;
        await SaveAsync(AuditEvent(actor, "identity.provider-configured", Community, new
        {
            checkedSettings.Issuer, checkedSettings.Audience, checkedSettings.ClientId, checkedSettings.RoleClaim,
            checkedSettings.AdminValues, checkedSettings.EvaluatorValues, checkedSettings.LearnerValues, defaultRole = checkedSettings.DefaultRole?.ToString(),
        }));
        return checkedSettings;
    }

    public Task<IdentityProviderSettings?> GetAsync() => Task.FromResult(State.Settings);

    public async Task ForgetInvitationsOfAsync(string learnerId)
    {
        var named = State.Invitations.Where(i => i.Value.Role == Role.Learner && i.Value.SubjectId == learnerId).Select(i => i.Key).ToList();
        if (named.Count == 0)
        {
            return;
        }

        named.ForEach(email => State.Invitations.Remove(email));
        ForgetStoredAnswers();
        await SaveAsync(AuditEvent(Domain.Audit.Actors.System, "identity.invitation-removed", learnerId, new { invitations = named.Count, reason = "the learner was erased" }));
    }

    public async Task<MemberInvitation> InviteAsync(MemberInvitation invitation, string actor)
    {
        var email = InputRules.RequireEmail(invitation.Email, "input.email");
        switch (invitation.Role)
        {
            case Role.Learner:
                _ = await GrainFactory.Learner(Community, EntityId.Require(invitation.SubjectId, IdPrefixes.Learner, "input.subjectId")).GetAsync();
                break;
            case Role.Evaluator:
                _ = await GrainFactory.GetGrain<IEvaluatorPoolGrain>(Community).GetAsync(EntityId.Require(invitation.SubjectId, IdPrefixes.Evaluator, "input.subjectId"));
                break;
            default:
                throw CertGridException.Invalid("input.role", "Invite learners and evaluators; admins are named by the provider's role claim.");
        }

        if (!State.Invitations.ContainsKey(email) && State.Invitations.Count >= MaxInvitations)
        {
            throw CertGridException.Policy($"The community already has {MaxInvitations} open invitations; import the roster instead, or wait until invited people have signed in.");
        }

        var stored = invitation with { Email = email, InvitedAt = Now };
        State.Invitations[email] = stored;
        return await SaveAnsweringAsync(stored, AuditEvent(actor, "identity.member-invited", stored.SubjectId, new { email, role = stored.Role.ToString() }));
    }

    public Task<MemberInvitation?> FindInvitationAsync(string email) =>
        Task.FromResult(State.Invitations.GetValueOrDefault(email));
}
