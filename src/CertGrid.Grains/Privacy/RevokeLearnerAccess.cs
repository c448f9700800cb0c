using Azure.Data.Tables;
using CertGrid.Abstractions.Access;
using CertGrid.Abstractions.OAuth;
using CertGrid.Domain.Access;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Access;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Privacy;

/// <summary>
/// Revokes every API key issued to an erased learner (found in the community's keys read model, never by calling every
/// key) and withdraws every OAuth client they allowed, with its tokens; revoking or withdrawing again changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.revoke-learner-access")]
public sealed record RevokeLearnerAccess([property: Id(0)] string LearnerId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override async Task ApplyAsync(EffectContext context)
    {
        var storage = context.Services.GetRequiredService<StorageClients>();
        var keys = storage.Table(storage.Names.ApiKeysTable);
        var role = Role.Learner.ToString();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {context.Community} and SubjectId eq {LearnerId} and Role eq {role}");
        await foreach (var row in keys.QueryAsync<ApiKeyRow>(filter))
        {
            if (row.RevokedAt is null)
            {
                await context.Grains.ApiKey(context.Community, row.RowKey).RevokeAsync(Actors.System);
            }
        }

        var grants = context.Grains.LearnerOAuthGrants(context.Community, LearnerId);
        foreach (var grant in await grants.ListAsync())
        {
            await grants.WithdrawAsync(grant.AuthorizationId, Actors.System);
        }
    }
}
