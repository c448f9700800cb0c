namespace CertGrid.Api.GraphQl.Cost;

/// <summary>
/// What one selection of an expensive field costs on top of the usual point: <see cref="Points"/>, plus
/// <see cref="PerItem"/> for each item it is asked for (its <c>first</c> argument, or <see cref="DefaultItems"/>).
/// </summary>
public sealed record FieldCost(int Points, string Why, double PerItem = 0, int DefaultItems = 0);
