// Transactions of this database carrying a given metadata tag (the console's own, to terminate at its deadline).
SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData[$key] = $tag
RETURN transactionId
