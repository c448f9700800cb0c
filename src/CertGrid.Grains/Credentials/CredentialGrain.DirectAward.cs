using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.DirectAwards;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Learners;

namespace CertGrid.Grains.Credentials;

/// <summary>A credential awarded straight from one of the community's systems (issue 19, part 5).</summary>
public sealed partial class CredentialGrain
{
    public async Task<IssuedCredential> AwardDirectlyAsync(DirectAward award, string actor)
    {
        var valid = DirectAwardRules.Validate(award);
        if (DirectAwardIdentity.CredentialId(Community, valid.ExternalId) != Key.Id)
        {
            throw CertGridException.Invalid("input.externalId", $"Credential '{Key.Id}' is not the one external id '{valid.ExternalId}' names.");
        }

        var learnerId = await LearnerOfAsync(valid);
        var fingerprint = DirectAwardIdentity.Fingerprint(valid, learnerId);
        if (RecordExists)
        {
            if (State.HolderErasedAt is not null)
            {
                throw CertGridException.Conflict($"External id '{valid.ExternalId}' was awarded as {Key.Id}, whose holder has since been erased: it cannot be awarded again.");
            }

            return State.AwardFingerprint == fingerprint
                ? ToIssued()
                : throw CertGridException.Conflict($"External id '{valid.ExternalId}' was already used for another award ({Key.Id}): send each award under its own external id, "
                    + "and repeat an award only with the same credential, learner, source and evidence.");
        }

        var definition = await GrainFactory.CredentialDefinition(Community, valid.DefinitionId).GetAsync();
        if (definition.Status != PublicationStatus.Published)
        {
            throw CertGridException.Policy($"Credential '{definition.Name}' is a draft: publish it before awarding it.");
        }

        if (!definition.AllowsDirectAward)
        {
            throw CertGridException.Policy($"Credential '{definition.Name}' is awarded only by assessment: its definition does not allow direct award (allowDirectAward).");
        }

        var command = new IssueCredential(learnerId, definition.Id, DirectAwardIdentity.AttemptPlaceholder, [], [],
            AwardedThrough: DirectAwardIdentity.AwardedThrough(valid.Source),
            SupportingEvidence: valid.Evidence.Select(e => new EvidenceItem(e.Url, e.Title, string.Empty, string.Empty, 0)).ToList());
        return await IssueNewAsync(command, fingerprint, AuditEvent(actor, "credential.awarded", Key.Id, new
        {
            learnerId, credentialDefinitionId = definition.Id, externalId = valid.ExternalId, source = valid.Source, evidence = valid.Evidence.Select(e => e.Url),
        }));
    }

    /// <summary>
    /// The learner the award names: the id as given (issuing checks it is enrolled here, NOT_FOUND otherwise), or whoever
    /// holds the email in this community (NOT_FOUND when nobody does). No grain is called: the learner's erasure calls this
    /// credential, and a call back to the learner from here would wait for it until the timeout.
    /// </summary>
    private async Task<string> LearnerOfAsync(DirectAward award)
    {
        if (award.LearnerId is { } id)
        {
            return id;
        }

        var found = await new LearnerEmailIndex(storage).FindAsync(Community, [award.LearnerEmail!]);
        return found.GetValueOrDefault(award.LearnerEmail!)
            ?? throw new CertGridException(ErrorCode.NotFound, $"No learner with email {award.LearnerEmail} is enrolled in this community: enrol them first.", "input.learnerEmail");
    }
}
