package com.acme.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.util.Set;

@Entity
public class CustomerAccount {
    @Id
    @GeneratedValue
    Long id;

    @Column(nullable = false)
    String displayName;

    @ManyToMany
    Set<Tag> favouriteTags;
}
