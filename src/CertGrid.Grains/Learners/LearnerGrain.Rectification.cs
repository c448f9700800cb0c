using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Privacy;
using CertGrid.Grains.Privacy;

namespace CertGrid.Grains.Learners;

/// <summary>The right to rectification: the learner's state changes, and every copy follows by effects of the same write.</summary>
public sealed partial class LearnerGrain
{
    public async Task<LearnerProfile> RectifyAsync(RectifyLearner command, string actor)
    {
        RequireEnrolled();
        var name = command.Name is null ? State.Name : InputRules.RequireText(command.Name, "input.name");
        var email = command.Email is null ? State.Email : InputRules.RequireEmail(command.Email, "input.email");
        var organisation = command.Organisation is null ? State.Organisation
            : InputRules.OptionalText(command.Organisation.Length == 0 ? null : command.Organisation, "input.organisation", InputRules.NameMaxLength);
        var changed = new List<string>();
        if (name != State.Name)
        {
            changed.Add("name");
        }

        if (email != State.Email)
        {
            changed.Add("email");
        }

        if (organisation != State.Organisation)
        {
            changed.Add("organisation");
        }

        if (changed.Count == 0)
        {
            return ToProfile();
        }

        var previousEmail = State.Email;
        if (email != previousEmail)
        {
            await ClaimEmailAsync(email);
        }

        State.Name = name;
        State.Email = email;
        State.Organisation = organisation;
        Cause(new RectificationPlan(Key.Id, State.Attempts.Select(a => a.AttemptId).ToList(), State.CredentialIds.ToList()).Effects(name, email, organisation, changed));
        // The audit names the fields corrected, never their old or new values.
        await SaveAsync(AuditEvent(actor, "learner.rectified", Key.Id, new { fields = changed }));
        if (email != previousEmail)
        {
            await EmailIndex.ReleaseAsync(Community, previousEmail, Key.Id);
        }
        return ToProfile();
    }
}
