global using CertGrid.Domain.Errors;
global using Orleans;
global using Orleans.Concurrency;
global using ErrorCode = CertGrid.Domain.Errors.ErrorCode;
