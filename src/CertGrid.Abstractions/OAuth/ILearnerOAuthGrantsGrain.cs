namespace CertGrid.Abstractions.OAuth;

/// <summary>
/// The OAuth 2.0 clients one learner allowed, so the learner can see and withdraw them. Withdrawing revokes the
/// authorization and every token issued under it before it returns, so the client's next request, on any gateway,
/// is refused. Key: <c>{community}/{learnerId}</c>.
/// </summary>
public interface ILearnerOAuthGrantsGrain : IGrainWithStringKey
{
    /// <summary>Records a consent the learner just gave, granted now by the domain clock. Idempotent by authorization id.</summary>
    Task RecordAsync(ClientGrant grant);

    /// <summary>The grants in force, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ClientGrant>> ListAsync();

    /// <summary>Notes that the client used the grant now; stored at most once a minute per grant.</summary>
    Task TouchAsync(string authorizationId);

    /// <summary>Withdraws one grant: its authorization and tokens are revoked, then it leaves the list. NOT_FOUND if the learner has no such grant.</summary>
    Task<ClientGrant> WithdrawAsync(string authorizationId, string actor);

    /// <summary>Withdraws every grant given with the key (the key was revoked); returns how many. Idempotent.</summary>
    Task<int> WithdrawGrantedWithKeyAsync(string keyId, string actor);

    /// <summary>Forgets a grant whose authorization expired and was pruned. Idempotent.</summary>
    Task ForgetAsync(string authorizationId);
}
